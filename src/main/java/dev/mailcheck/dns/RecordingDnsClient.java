package dev.mailcheck.dns;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** {@code --dns-record}: keeps every answer of the run and writes them to a file on close. */
final class RecordingDnsClient implements DnsClient {
  private final DnsClient inner;
  private final ConcurrentLinkedQueue<DnsResult> results = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<SignedAnswer> signed = new ConcurrentLinkedQueue<>();

  RecordingDnsClient(DnsClient inner) {
    this.inner = inner;
  }

  @Override
  public boolean answersAtOnce() {
    return inner.answersAtOnce();
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    return inner
        .query(question)
        .whenComplete(
            (r, e) -> {
              if (r != null) results.add(r);
            });
  }

  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    return inner
        .querySigned(question)
        .whenComplete(
            (r, e) -> {
              if (r != null) signed.add(r);
            });
  }

  void writeTo(Path file) {
    DnsRecording.write(file, List.copyOf(results), List.copyOf(signed));
  }
}
