package dev.mailcheck.checks.dkim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The DKIM vectors' {@code dns.json} as a {@link DnsClient}: TXT answers, injected NXDOMAIN,
 * TIMEOUT and SERVFAIL; any name not listed is NXDOMAIN (FORMAT.md).
 */
final class ConformanceDns implements DnsClient {
  private final Map<String, JsonNode> records = new HashMap<>();

  ConformanceDns(JsonNode root) {
    root.get("records")
        .fields()
        .forEachRemaining(e -> records.put(e.getKey().toLowerCase(), e.getValue()));
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion q) {
    JsonNode n = records.get(q.name());
    if (n == null) return CompletableFuture.completedFuture(new DnsResult.NxDomain(q));
    if (n.has("error")) {
      DnsResult r =
          switch (n.get("error").asText()) {
            case "TIMEOUT" -> new DnsResult.Timeout(q, "injected");
            case "SERVFAIL" -> new DnsResult.ServFail(q, "injected");
            default -> new DnsResult.NxDomain(q);
          };
      return CompletableFuture.completedFuture(r);
    }
    List<DnsRecord> txt = new java.util.ArrayList<>();
    for (JsonNode t : n.get("txt")) {
      txt.add(
          new DnsRecord.Txt(q.name(), 300, List.of(t.asText().getBytes(StandardCharsets.UTF_8))));
    }
    return CompletableFuture.completedFuture(new DnsResult.Records(q, txt));
  }
}
