package dev.mailcheck.checks.smtp;

import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.TlsMode;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Probes the mail ports of one host in parallel on virtual threads, so the scan takes about as long
 * as the slowest port, not the sum. Port 465 uses implicit TLS, the others opportunistic STARTTLS.
 */
public final class PortScan {
  /** RFC 5321 relay, RFC 8314 submissions, RFC 6409 submission. */
  public static final List<Integer> MAIL_PORTS = List.of(25, 465, 587);

  private PortScan() {}

  /**
   * {@code base} supplies host, addresses, timeout and trust; port and TLS mode are set per port.
   */
  public static List<ProbeResult> run(SmtpProbe probe, ProbeRequest base, List<Integer> ports) {
    try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ProbeResult>> futures =
          ports.stream().map(port -> exec.submit(() -> probe.probe(forPort(base, port)))).toList();
      return futures.stream().map(PortScan::join).toList();
    }
  }

  static ProbeRequest forPort(ProbeRequest base, int port) {
    ProbeRequest b = base;
    var builder =
        ProbeRequest.builder(b.host(), port)
            .addresses(b.addresses())
            .ehloName(b.ehloName())
            .certificateName(b.certificateName())
            .timeout(b.timeout())
            .insecure(b.insecure())
            .legacyTlsCheck(b.legacyTlsCheck())
            .allowPrivate(b.allowPrivate())
            .tlsMode(
                port == 465
                    ? TlsMode.IMPLICIT
                    : base.tlsMode() == TlsMode.IMPLICIT ? TlsMode.OPPORTUNISTIC : base.tlsMode());
    b.trustAnchors().ifPresent(builder::trustAnchors);
    return builder.build();
  }

  private static ProbeResult join(Future<ProbeResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("probe failed unexpectedly", e.getCause());
    }
  }
}
