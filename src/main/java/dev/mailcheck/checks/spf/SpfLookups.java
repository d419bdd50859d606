package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DNS side of one evaluation or audit: every question is sent at most once (whatever the client
 * does), so that a prefetch and the evaluation that later needs the answer share one query. A
 * failed future (a bug in a client) is read as a timeout: temporary, never "absent".
 */
final class SpfLookups {
  private final DnsClient dns;
  private final Map<DnsQuestion, CompletableFuture<DnsResult>> asked = new ConcurrentHashMap<>();

  SpfLookups(DnsClient dns) {
    this.dns = dns;
  }

  CompletableFuture<DnsResult> query(String name, RecordType type) {
    DnsQuestion q = DnsQuestion.of(name, type);
    CompletableFuture<DnsResult> known = asked.get(q);
    if (known != null) return known;
    CompletableFuture<DnsResult> fresh = new CompletableFuture<>();
    known = asked.putIfAbsent(q, fresh);
    if (known != null) return known;
    CompletableFuture<DnsResult> sent;
    try {
      sent = dns.query(q);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (r, e) -> fresh.complete(r != null ? r : new DnsResult.Timeout(q, String.valueOf(e))));
    return fresh;
  }

  DnsResult resolve(String name, RecordType type) {
    return query(name, type).join();
  }

  int questions() {
    return asked.size();
  }

  /** The SPF records among a TXT answer (RFC 7208 §4.5): texts starting with {@code v=spf1}. */
  static List<DnsRecord.Txt> spfRecords(DnsResult txt) {
    if (!(txt instanceof DnsResult.Records r)) return List.of();
    return r.of(DnsRecord.Txt.class).stream().filter(t -> SpfParser.isSpf(t.text())).toList();
  }

  /**
   * True for a name a query can be made of: 1 to 253 octets, every label 1 to 63 (RFC 1035 §2.3.4).
   * RFC 7208 §4.3 treats other names as non-existent.
   */
  static boolean queryable(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.length() > 253) return false;
    for (String label : n.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) return false;
    }
    return true;
  }
}
