package dev.mailcheck.checks.smtp;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.TlsMode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One SMTP probe and its findings: what {@code mailcheck smtp} and each MX address of the domain
 * report show. The probe is the fetch (it runs on the context's executor); {@link #undetermined} is
 * true when nothing could be determined (the name did not resolve, every address timed out).
 */
public final class SmtpCheck implements Check<ProbeRequest, ProbeResult> {
  @Override
  public CompletableFuture<ProbeResult> fetch(ProbeRequest request, CheckContext ctx) {
    return ctx.async(() -> ctx.smtp().probe(request));
  }

  @Override
  public List<Finding> evaluate(ProbeRequest request, ProbeResult r, CheckSettings settings) {
    return SmtpEvaluator.evaluate(r, settings.switches());
  }

  @Override
  public SmtpView view(ProbeRequest request, ProbeResult r) {
    return SmtpViews.of(r);
  }

  @Override
  public List<String> transcript(ProbeResult r) {
    return r.transcript();
  }

  /**
   * True when the probe learned nothing about the server: the name did not resolve, or no address
   * could be reached (every connect timed out or was unreachable, or the TCP connection opened but
   * no complete greeting came before the deadline). A refused connection is a definite answer
   * (nothing listens there), so one refusal among the attempts makes the result determined.
   */
  @Override
  public boolean undetermined(ProbeResult r) {
    if (r.failure().isEmpty()) return false;
    Failure f = r.failure().get();
    if (f.phase() == Phase.DNS) return true;
    boolean refused =
        r.attempts().stream()
            .anyMatch(a -> a.failure().map(k -> k == Failure.Kind.REFUSED).orElse(false));
    if (refused) return false;
    return switch (f.phase()) {
      case CONNECT -> f.kind() != Failure.Kind.REFUSED;
      case BANNER -> f.kind() == Failure.Kind.TIMEOUT && r.banner().isEmpty();
      // implicit TLS (RFC 8314): the handshake is the first exchange, so silence there is the same
      case TLS_HANDSHAKE ->
          f.kind() == Failure.Kind.TIMEOUT
              && r.tlsMode() == TlsMode.IMPLICIT
              && r.tls().isEmpty()
              && r.banner().isEmpty();
      default -> false;
    };
  }
}
