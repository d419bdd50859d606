package dev.mailcheck.checks.spf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DnsClient} answering from the {@code zonedata} of one OpenSPF suite scenario, by the
 * rules of ../shared/conformance/spf/FORMAT.md: SPF entries double as TXT unless the name lists
 * TXT, {@code TIMEOUT} times out the types not listed before it, unknown names are NXDOMAIN, CNAMEs
 * are followed (a loop ends as no data).
 */
final class SuiteZone implements DnsClient {
  private final Map<String, List<JsonNode>> zone = new HashMap<>();

  /** Each question's answer, built once: the zone never changes, and building is not SPF work. */
  private final Map<DnsQuestion, DnsResult> answered = new ConcurrentHashMap<>();

  SuiteZone(JsonNode zonedata) {
    if (zonedata == null) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = zonedata.fields(); it.hasNext(); ) {
      var e = it.next();
      List<JsonNode> entries = new ArrayList<>();
      e.getValue().forEach(entries::add);
      zone.put(norm(e.getKey()), entries);
    }
  }

  private static String norm(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  @Override
  public boolean answersAtOnce() {
    return true;
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion q) {
    return CompletableFuture.completedFuture(
        answered.computeIfAbsent(q, x -> answer(x, x.name(), 0, new ArrayList<>())));
  }

  private DnsResult answer(DnsQuestion q, String name, int depth, List<String> chain) {
    List<JsonNode> entries = zone.get(norm(name));
    if (entries == null) return new DnsResult.NxDomain(q, chain);
    if (depth > 8) return new DnsResult.NoData(q, chain);
    boolean hasTxt = entries.stream().anyMatch(e -> e.isObject() && e.has("TXT"));
    List<DnsRecord> found = new ArrayList<>();
    String cname = null;
    for (JsonNode e : entries) {
      if (e.isTextual() && e.asText().equals("TIMEOUT")) {
        if (found.isEmpty() && cname == null) return new DnsResult.Timeout(q, "suite TIMEOUT");
        break;
      }
      String type = e.fieldNames().next();
      JsonNode v = e.get(type);
      if (type.equals("CNAME")) {
        cname = v.asText();
        continue;
      }
      if (v.isTextual() && v.asText().equals("NONE")) continue;
      boolean wanted =
          switch (q.type()) {
            case TXT -> type.equals("TXT") || (!hasTxt && type.equals("SPF"));
            default -> type.equals(q.type().name());
          };
      if (wanted) found.add(record(name, q.type(), v));
    }
    if (!found.isEmpty()) return new DnsResult.Records(q, found, chain);
    if (cname != null && q.type() != RecordType.CNAME) {
      chain.add(norm(name));
      return answer(q, cname, depth + 1, chain);
    }
    return new DnsResult.NoData(q, chain);
  }

  private static DnsRecord record(String name, RecordType type, JsonNode v) {
    return switch (type) {
      case TXT -> {
        List<byte[]> strings = new ArrayList<>();
        if (v.isArray()) v.forEach(s -> strings.add(s.asText().getBytes(StandardCharsets.UTF_8)));
        else strings.add(v.asText().getBytes(StandardCharsets.UTF_8));
        yield new DnsRecord.Txt(norm(name), 300, strings);
      }
      case A, AAAA -> new DnsRecord.Address(norm(name), 300, ip(v.asText()));
      case MX -> new DnsRecord.Mx(norm(name), 300, v.get(0).asInt(), norm(v.get(1).asText()));
      case PTR -> new DnsRecord.Ptr(norm(name), 300, norm(v.asText()));
      default -> new DnsRecord.Other(norm(name), 300, type, v.asText());
    };
  }

  private static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(s, e);
    }
  }
}
