package dev.mailcheck.checks.mx;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The only I/O of the MX check. The MX lookup comes first; the A and AAAA lookups of every exchange
 * then start at once. {@link #start} hands out one future per exchange so that a caller (the domain
 * report) can start PTR lookups and SMTP probes on an exchange as soon as its addresses arrive,
 * without waiting for the slowest one.
 */
public final class MxFetcher {
  private final DnsClient dns;

  public MxFetcher(DnsClient dns) {
    this.dns = dns;
  }

  /**
   * The MX answer and one future per exchange to look up.
   *
   * @param implicit true when the domain has no MX and its own name is the implicit MX
   */
  public record Started(
      String domain, DnsResult mx, List<CompletableFuture<MxHost>> hosts, boolean implicit) {
    public Started {
      hosts = List.copyOf(hosts);
    }

    /** Waits for every exchange (each lookup is bounded by the resolver's deadline). */
    public CompletableFuture<MxFacts> facts() {
      return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new))
          .thenApply(
              v ->
                  new MxFacts(
                      domain, mx, hosts.stream().map(CompletableFuture::join).toList(), implicit));
    }
  }

  public CompletableFuture<Started> start(String domain) {
    return dns.query(DnsQuestion.of(domain, RecordType.MX)).thenApply(mx -> started(domain, mx));
  }

  public CompletableFuture<MxFacts> fetch(String domain) {
    return start(domain).thenCompose(Started::facts);
  }

  private Started started(String domain, DnsResult mx) {
    return switch (mx) {
      case DnsResult.Records r -> {
        // Lowest preference first (RFC 5321 §5.1), so that the limits below keep the exchanges
        // senders try first.
        List<DnsRecord.Mx> records =
            r.of(DnsRecord.Mx.class).stream()
                .sorted(java.util.Comparator.comparingInt(DnsRecord.Mx::preference))
                .toList();
        // A null MX (RFC 7505) names no host to look up; a null MX mixed with real ones is
        // flagged by the evaluator, and the real ones are still looked up.
        List<CompletableFuture<MxHost>> hosts = new ArrayList<>();
        var seen = new LinkedHashSet<String>();
        for (DnsRecord.Mx rec : records) {
          if (rec.exchange().isEmpty()) continue;
          if (hosts.size() >= Limits.MX_EXCHANGES) break;
          if (!seen.add(rec.preference() + " " + rec.exchange())) continue;
          hosts.add(host(rec.preference(), rec.exchange()));
        }
        yield new Started(domain, mx, hosts, false);
      }
      // RFC 5321 §5.1: no MX records (NODATA) means the domain itself is the implicit MX.
      case DnsResult.NoData n -> new Started(domain, mx, List.of(host(0, domain)), true);
      default -> new Started(domain, mx, List.of(), false);
    };
  }

  private CompletableFuture<MxHost> host(int preference, String exchange) {
    if (MxHost.isIpLiteral(exchange)) {
      // Never put an address literal on the wire as a name; the evaluator flags it.
      DnsQuestion qa = DnsQuestion.of(exchange, RecordType.A);
      DnsQuestion q6 = DnsQuestion.of(exchange, RecordType.AAAA);
      return CompletableFuture.completedFuture(
          new MxHost(preference, exchange, new DnsResult.NoData(qa), new DnsResult.NoData(q6)));
    }
    CompletableFuture<DnsResult> a = dns.query(DnsQuestion.of(exchange, RecordType.A));
    CompletableFuture<DnsResult> aaaa = dns.query(DnsQuestion.of(exchange, RecordType.AAAA));
    return a.thenCombine(aaaa, (ra, r6) -> new MxHost(preference, exchange, ra, r6));
  }
}
