package dev.mailcheck.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The run-wide cache of a many-domain run, below each domain's own cache: the names many domains
 * share (a hosting provider's MX hosts, their addresses and PTRs, a common SPF include, the DNSSEC
 * keys of a common parent) are asked once per run, not once per domain. Bounded: the least recently
 * used of {@code capacity} questions is dropped, so memory does not grow with the number of
 * domains. Temporary failures (timeout, SERVFAIL, REFUSED) are not kept beyond their own lookup:
 * one lost packet must not turn into an error for every later domain.
 */
final class SharedAnswerCache implements DnsClient {
  private final DnsClient inner;
  private final Map<DnsQuestion, CompletableFuture<DnsResult>> answers;
  private final Map<DnsQuestion, CompletableFuture<SignedAnswer>> signed;

  SharedAnswerCache(DnsClient inner, int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity");
    this.inner = inner;
    this.answers = lru(capacity);
    this.signed = lru(capacity / 4 + 1);
  }

  private static <V> Map<DnsQuestion, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<DnsQuestion, V> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public boolean answersAtOnce() {
    return inner.answersAtOnce();
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    return cached(answers, question, inner::query, DnsResult::isTemporaryFailure);
  }

  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    return cached(signed, question, inner::querySigned, a -> a.outcome().isTemporaryFailure());
  }

  private <T> CompletableFuture<T> cached(
      Map<DnsQuestion, CompletableFuture<T>> cache,
      DnsQuestion question,
      java.util.function.Function<DnsQuestion, CompletableFuture<T>> lookup,
      java.util.function.Predicate<T> temporary) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> shared;
    synchronized (cache) {
      shared = cache.get(question);
      if (shared == null) cache.put(question, mine);
    }
    if (shared != null) return shared.copy();
    lookup
        .apply(question)
        .whenComplete(
            (r, e) -> {
              if (e != null || temporary.test(r)) {
                synchronized (cache) {
                  cache.remove(question, mine);
                }
              }
              if (e != null) mine.completeExceptionally(e);
              else mine.complete(r);
            });
    return mine.copy();
  }
}
