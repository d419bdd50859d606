package dev.mailcheck.dns;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --dns-replay}: answers only from a recording, never from the network. A question the file
 * does not hold gets a {@link DnsResult.Timeout} ("not in replay file"): like an unreachable
 * server, it says nothing about whether the record exists.
 */
final class ReplayDnsClient implements DnsClient {
  static final String NOT_IN_FILE = "not in replay file";

  private final Map<DnsQuestion, DnsResult> answers;
  private final Map<DnsQuestion, SignedAnswer> signed;
  private final DnsTrace trace;
  private final AtomicReference<DnsQuestion> first = new AtomicReference<>();
  private volatile boolean firstFound;

  ReplayDnsClient(Map<DnsQuestion, DnsResult> answers, DnsTrace trace) {
    this(new DnsRecording.Contents(answers, Map.of()), trace);
  }

  ReplayDnsClient(DnsRecording.Contents contents, DnsTrace trace) {
    this.answers = Map.copyOf(contents.answers());
    this.signed = Map.copyOf(contents.signed());
    this.trace = trace;
  }

  @Override
  public boolean answersAtOnce() {
    return true;
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    boolean isFirst = first.compareAndSet(null, question);
    DnsResult r = answers.get(question);
    if (isFirst) firstFound = r != null;
    if (r == null) r = new DnsResult.Timeout(question, NOT_IN_FILE);
    trace.add(
        new TraceEntry(
            question,
            "replay",
            r.outcome(),
            r.recordsOrEmpty().stream().map(NetworkDnsClient::presentation).toList(),
            0,
            "-",
            false));
    return CompletableFuture.completedFuture(r);
  }

  /** Signed questions are replayed from the entries recorded with {@code "dnssec": true}. */
  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    SignedAnswer r = signed.get(question);
    if (r == null) r = SignedAnswer.failed(new DnsResult.Timeout(question, NOT_IN_FILE));
    trace.add(
        new TraceEntry(
            question,
            "replay",
            r.outcome().outcome(),
            r.answer().stream().map(NetworkDnsClient::presentation).toList(),
            0,
            "-",
            false));
    return CompletableFuture.completedFuture(r);
  }

  /**
   * The run's first question when the file does not hold it. Every command asks first about its own
   * target (the MX of the domain, its {@code _dmarc} name, the PTR of the address), so a file
   * recorded for another target lacks it, even when it shares other answers (a parent's {@code
   * _dmarc} record, a common include) that counting found answers would accept.
   */
  Optional<DnsQuestion> firstQuestionMissing() {
    DnsQuestion q = first.get();
    return q == null || firstFound ? Optional.empty() : Optional.of(q);
  }
}
