package dev.mailcheck.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mutable side of one probe run; {@link #result()} freezes it. Confined to one thread. */
final class ProbeRecorder {
  final ProbeRequest request;
  final Transcript transcript = new Transcript();
  final List<AddressAttempt> attempts = new ArrayList<>();
  final List<PhaseTiming> phases = new ArrayList<>();
  String address;
  Reply banner;
  Extensions ehlo;
  Extensions ehloTls;
  StartTls startTls = StartTls.NOT_ATTEMPTED;
  Reply startTlsReply;
  TlsFacts tls;
  LegacyTls legacyTls;
  AuthOutcome auth;
  RelayOutcome relay;
  Failure failure;
  TransactionOutcome transaction;

  ProbeRecorder(ProbeRequest request) {
    this.request = request;
  }

  /** Times one phase; records it as failed when the step throws. */
  <T> T time(Phase phase, Step<T> step) throws ProbeException {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      T value = step.run();
      ok = true;
      return value;
    } finally {
      phases.add(new PhaseTiming(phase, (System.nanoTime() - start) / 1_000_000, ok));
    }
  }

  interface Step<T> {
    T run() throws ProbeException;
  }

  ProbeResult result() {
    return new ProbeResult(
        request.host(),
        request.port(),
        request.tlsMode(),
        Optional.ofNullable(address),
        attempts,
        phases,
        Optional.ofNullable(banner),
        Optional.ofNullable(ehlo),
        Optional.ofNullable(ehloTls),
        startTls,
        Optional.ofNullable(startTlsReply),
        Optional.ofNullable(tls),
        Optional.ofNullable(legacyTls),
        Optional.ofNullable(auth),
        Optional.ofNullable(relay),
        Optional.ofNullable(failure),
        transcript.lines(),
        Optional.ofNullable(transaction));
  }
}
