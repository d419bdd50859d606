package dev.mailcheck.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks DNS questions. Implementations never throw for DNS outcomes: every failure is a {@link
 * DnsResult} variant. The returned future completes within the configured timeout and retries.
 *
 * <p>One instance per run, shared by every check, so that answers are cached and identical
 * in-flight questions are sent once. Cross-cutting behaviour (cache, trace, replay) is added by
 * decorators around the network client.
 */
public interface DnsClient {
  CompletableFuture<DnsResult> query(DnsQuestion question);

  /**
   * Asks with the DO and CD bits and returns the whole reply, signatures and denial-of-existence
   * records included, for the DNSSEC validator ({@link DnssecValidator}). Clients that cannot (test
   * fakes, the offline stack) answer SERVFAIL, which the validator reports as indeterminate.
   */
  default CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    return CompletableFuture.completedFuture(
        SignedAnswer.failed(
            new DnsResult.ServFail(question, "this resolver cannot ask for DNSSEC records")));
  }

  /**
   * True when every answer comes from memory and is complete when {@link #query} returns (a replay
   * file, a test zone): then asking ahead of need, which only saves round trips, just costs time.
   * Decorators answer for what they wrap.
   */
  default boolean answersAtOnce() {
    return false;
  }

  default CompletableFuture<DnsResult> query(String name, RecordType type) {
    return query(DnsQuestion.of(name, type));
  }

  /** Blocking convenience for sequential code paths; the wait is bounded by the client. */
  default DnsResult resolve(String name, RecordType type) {
    return query(name, type).join();
  }

  /** Asks all questions at once and returns their results in the same order. */
  default List<DnsResult> resolveAll(List<DnsQuestion> questions) {
    List<CompletableFuture<DnsResult>> futures = questions.stream().map(this::query).toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
