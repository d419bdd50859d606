package dev.mailcheck.dns;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

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
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicInteger found = new AtomicInteger();

  ReplayDnsClient(Map<DnsQuestion, DnsResult> answers, DnsTrace trace) {
    this(new DnsRecording.Contents(answers, Map.of()), trace);
  }

  ReplayDnsClient(DnsRecording.Contents contents, DnsTrace trace) {
    this.answers = Map.copyOf(contents.answers());
    this.signed = Map.copyOf(contents.signed());
    this.trace = trace;
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    asked.incrementAndGet();
    DnsResult r = answers.get(question);
    if (r == null) r = new DnsResult.Timeout(question, NOT_IN_FILE);
    else found.incrementAndGet();
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
    asked.incrementAndGet();
    SignedAnswer r = signed.get(question);
    if (r == null) r = SignedAnswer.failed(new DnsResult.Timeout(question, NOT_IN_FILE));
    else found.incrementAndGet();
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

  /** True when questions were asked and the file held the answer to none of them. */
  boolean noneInFile() {
    return asked.get() > 0 && found.get() == 0;
  }
}
