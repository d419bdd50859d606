package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The DNS side of SPF: how a question is asked and how an answer reads. No cache of its own: the
 * run's {@link DnsClient} caches and coalesces identical questions, so the tree fetch and an
 * evaluation beside it share one query per question.
 */
final class SpfLookups {
  private SpfLookups() {}

  /**
   * Asks {@code dns}. A failed future or an exception (a bug in a client) reads as a timeout:
   * temporary, never "absent".
   */
  static CompletableFuture<DnsResult> ask(DnsClient dns, String name, RecordType type) {
    DnsQuestion q = DnsQuestion.of(name, type);
    CompletableFuture<DnsResult> sent;
    try {
      sent = dns.query(q);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((r, e) -> r != null ? r : new DnsResult.Timeout(q, String.valueOf(e)));
  }

  /** The SPF records among a TXT answer (RFC 7208 §4.5): texts starting with {@code v=spf1}. */
  static List<DnsRecord.Txt> spfRecords(DnsResult txt) {
    if (!(txt instanceof DnsResult.Records r)) return List.of();
    return r.of(DnsRecord.Txt.class).stream().filter(t -> SpfParser.isSpf(t.text())).toList();
  }

  /**
   * The exchanges of an MX answer by preference, then name (servers rotate MX answers, the report
   * should not), without null MX (RFC 7505) and duplicates.
   */
  static List<String> mxHosts(DnsResult mx) {
    return mx.recordsOrEmpty().stream()
        .filter(DnsRecord.Mx.class::isInstance)
        .map(DnsRecord.Mx.class::cast)
        .sorted(
            Comparator.comparingInt(DnsRecord.Mx::preference).thenComparing(DnsRecord.Mx::exchange))
        .map(DnsRecord.Mx::exchange)
        .filter(x -> !x.isEmpty())
        .distinct()
        .toList();
  }

  /**
   * True for a name a query can be made of: 1 to 253 octets, every label 1 to 63 (RFC 1035 §2.3.4).
   * RFC 7208 §4.3 treats other names as non-existent.
   */
  static boolean queryable(String name) {
    int end = name.endsWith(".") ? name.length() - 1 : name.length();
    if (end == 0 || end > 253) return false;
    int start = 0;
    while (start <= end) {
      int dot = name.indexOf('.', start);
      if (dot < 0 || dot > end) dot = end;
      if (dot == start || dot - start > 63) return false;
      start = dot + 1;
    }
    return true;
  }
}
