package dev.mailcheck.dns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's cache and in-flight coalescing: the first caller of a question starts the lookup, every
 * later caller, before or after it completes, shares its future. Every outcome is kept for the
 * whole run, temporary failures included, so that all checks of one run see the same DNS (a check
 * that retried a timeout would only make the run slower and its findings inconsistent).
 *
 * <p>Cache hits are recorded in the trace with {@code cached = true} and server "cache".
 */
final class CachingDnsClient implements DnsClient {
  private final DnsClient inner;
  private final DnsTrace trace;
  private final ConcurrentHashMap<DnsQuestion, CompletableFuture<DnsResult>> answers =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<DnsQuestion, CompletableFuture<SignedAnswer>> signed =
      new ConcurrentHashMap<>();

  CachingDnsClient(DnsClient inner, DnsTrace trace) {
    this.inner = inner;
    this.trace = trace;
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    boolean[] started = {false};
    CompletableFuture<DnsResult> shared =
        answers.computeIfAbsent(
            question,
            q -> {
              started[0] = true;
              return inner.query(q);
            });
    if (!started[0]) {
      shared.thenAccept(
          r ->
              trace.add(
                  new TraceEntry(
                      question,
                      "cache",
                      r.outcome(),
                      r.recordsOrEmpty().stream().map(NetworkDnsClient::presentation).toList(),
                      0,
                      "-",
                      true)));
    }
    // A copy, so that a caller that completes or cancels its future cannot touch the others'.
    return shared.copy();
  }

  /**
   * Signed questions have their own cache: the same name and type asked with the DO bit is another
   * exchange (its reply carries signatures), and the validator asks each zone's DNSKEY and DS once
   * per run however many names it validates.
   */
  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    boolean[] started = {false};
    CompletableFuture<SignedAnswer> shared =
        signed.computeIfAbsent(
            question,
            q -> {
              started[0] = true;
              return inner.querySigned(q);
            });
    if (!started[0]) {
      shared.thenAccept(
          r ->
              trace.add(
                  new TraceEntry(
                      question,
                      "cache",
                      r.outcome().outcome(),
                      r.answer().stream().map(NetworkDnsClient::presentation).toList(),
                      0,
                      "-",
                      true)));
    }
    return shared.copy();
  }
}
