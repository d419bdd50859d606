package dev.mailcheck.dns;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --dns-replay}: answers only from a recording, never from the network. A question the file
 * does not hold gets a {@link DnsResult.Timeout} ("not in replay file"): like an unreachable
 * server, it says nothing about whether the record exists.
 */
final class ReplayDnsClient implements DnsClient {
  static final String NOT_IN_FILE = "not in replay file";

  private final Map<DnsQuestion, DnsResult> answers;
  private final DnsTrace trace;

  ReplayDnsClient(Map<DnsQuestion, DnsResult> answers, DnsTrace trace) {
    this.answers = Map.copyOf(answers);
    this.trace = trace;
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    DnsResult r = answers.get(question);
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
}
