package dev.mailcheck.checks.caa;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.checks.mx.MxHost;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.CaaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The CAA records that apply to each host (RFC 8659 §3): every name from the host up to the label
 * below the top-level domain is asked at once (the shared resolver caches the common parents), and
 * the closest name with CAA records wins.
 */
public final class CaaCheck implements Check<List<String>, CaaCheck.Facts> {
  /** Per host, the CAA lookups from the host name up, closest first. */
  public record Facts(Map<String, List<DnsResult>> lookups) {
    public Facts {
      lookups = Map.copyOf(new LinkedHashMap<>(lookups));
    }
  }

  /** The MX host names the domain report asks about (at most {@code max}, no null MX). */
  public static List<String> hosts(MxFacts mx, int max) {
    return mx.hosts().stream()
        .map(MxHost::exchange)
        .filter(h -> !h.isEmpty())
        .distinct()
        .limit(max)
        .toList();
  }

  @Override
  public CompletableFuture<Facts> fetch(List<String> hosts, CheckContext ctx) {
    Map<String, List<CompletableFuture<DnsResult>>> asked = new LinkedHashMap<>();
    for (String h : hosts) {
      List<CompletableFuture<DnsResult>> chain = new ArrayList<>();
      for (String name : climb(h)) chain.add(ctx.dns().query(name, RecordType.CAA));
      asked.put(h, chain);
    }
    CompletableFuture<?>[] all =
        asked.values().stream().flatMap(List::stream).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all)
        .thenApply(
            v -> {
              Map<String, List<DnsResult>> out = new LinkedHashMap<>();
              asked.forEach(
                  (h, fs) -> out.put(h, fs.stream().map(CompletableFuture::join).toList()));
              return new Facts(out);
            });
  }

  /** The host and its ancestors, down to (not including) the top-level domain. */
  static List<String> climb(String host) {
    List<String> names = new ArrayList<>();
    String n = host;
    while (n.contains(".")) {
      names.add(n);
      n = n.substring(n.indexOf('.') + 1);
    }
    return names;
  }

  private record Relevant(String at, String outcome, List<String> records) {}

  private static Relevant relevant(List<DnsResult> chain) {
    for (DnsResult r : chain) {
      if (r.isTemporaryFailure()) return new Relevant(r.question().name(), "error", List.of());
      List<String> recs =
          r.recordsOrEmpty().stream()
              .filter(x -> x.type() == RecordType.CAA)
              .map(DnsRecord::data)
              .toList();
      if (!recs.isEmpty()) return new Relevant(r.question().name(), "found", recs);
    }
    return new Relevant("", "none", List.of());
  }

  @Override
  public List<Finding> evaluate(List<String> hosts, Facts facts, CheckSettings settings) {
    List<Finding> out = new ArrayList<>();
    for (String h : hosts) {
      Relevant r = relevant(facts.lookups().getOrDefault(h, List.of()));
      String title =
          switch (r.outcome()) {
            case "found" ->
                "CAA at "
                    + r.at()
                    + " allows: "
                    + String.join(
                        ", ", issuers(r.records()).orElse(List.of("(no issue property)")));
            case "error" -> "CAA lookup failed at " + r.at();
            default -> "No CAA record: any CA may issue certificates for " + h;
          };
      out.add(
          Finding.of(FindingId.CAA_MX, Status.INFO, title)
              .subject(h)
              .evidence(r.records())
              .build());
    }
    return out;
  }

  /** The issuer domains of the issue properties; empty list for {@code issue ";"} (no CA). */
  private static Optional<List<String>> issuers(List<String> records) {
    List<String> out = new ArrayList<>();
    boolean any = false;
    for (String rec : records) {
      String[] p = rec.split("\\s+", 3);
      if (p.length == 3 && p[1].equalsIgnoreCase("issue")) {
        any = true;
        String v = p[2].replace("\"", "").strip();
        int semi = v.indexOf(';');
        String ca = (semi < 0 ? v : v.substring(0, semi)).strip();
        out.add(ca.isEmpty() ? "no CA (issue \";\")" : ca);
      }
    }
    return any ? Optional.of(out) : Optional.empty();
  }

  @Override
  public CaaView view(List<String> hosts, Facts facts) {
    List<CaaView.Entry> entries = new ArrayList<>();
    for (String h : hosts) {
      Relevant r = relevant(facts.lookups().getOrDefault(h, List.of()));
      entries.add(new CaaView.Entry(h, r.at(), r.outcome(), r.records()));
    }
    return new CaaView(entries);
  }
}
