package dev.mailcheck.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
  public boolean answersAtOnce() {
    return inner.answersAtOnce();
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    return cached(
        answers,
        question,
        inner::query,
        r -> r.outcome(),
        r -> r.recordsOrEmpty().stream().map(NetworkDnsClient::presentation).toList());
  }

  /**
   * Signed questions have their own cache: the same name and type asked with the DO bit is another
   * exchange (its reply carries signatures), and the validator asks each zone's DNSKEY and DS once
   * per run however many names it validates.
   */
  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    return cached(
        signed,
        question,
        inner::querySigned,
        r -> r.outcome().outcome(),
        r -> r.answer().stream().map(NetworkDnsClient::presentation).toList());
  }

  /**
   * The first caller of {@code question} starts the lookup; later callers share it and are traced
   * as cache hits. Each caller gets a copy, so that one that completes or cancels its future cannot
   * touch the others'.
   */
  private <T> CompletableFuture<T> cached(
      ConcurrentHashMap<DnsQuestion, CompletableFuture<T>> cache,
      DnsQuestion question,
      Function<DnsQuestion, CompletableFuture<T>> lookup,
      Function<T, String> outcome,
      Function<T, List<String>> answersOf) {
    boolean[] started = {false};
    CompletableFuture<T> shared =
        cache.computeIfAbsent(
            question,
            q -> {
              started[0] = true;
              return lookup.apply(q);
            });
    if (!started[0]) {
      shared.thenAccept(
          r ->
              trace.add(
                  new TraceEntry(
                      question, "cache", outcome.apply(r), answersOf.apply(r), 0, "-", true)));
    }
    return shared.copy();
  }
}
