package dev.mailcheck.checks.smtp;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Section;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.TlsMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a probe (or a port scan) and evaluates it: what the {@code smtp} and {@code ports} commands
 * report. {@link Outcome#couldNotRun} is true when nothing could be determined (the name did not
 * resolve, every address timed out), which the CLI maps to exit code 3. For a port scan only a
 * failed name lookup is: a port that times out is "filtered", which is the scan's finding.
 */
public final class SmtpCheck {
  private SmtpCheck() {}

  public record Outcome(
      List<Finding> findings,
      List<Section> sections,
      List<String> transcript,
      boolean couldNotRun,
      List<ProbeResult> results) {
    public Outcome {
      findings = List.copyOf(findings);
      sections = List.copyOf(sections);
      transcript = List.copyOf(transcript);
      results = List.copyOf(results);
    }
  }

  public static Outcome probe(SmtpProbe probe, ProbeRequest request) {
    ProbeResult r = probe.probe(request);
    return new Outcome(
        SmtpEvaluator.evaluate(r),
        List.of(SmtpSection.of(r)),
        r.transcript(),
        undetermined(r),
        List.of(r));
  }

  /**
   * 25, 465 and 587 in parallel; findings per port, each probe's findings with its port as subject.
   */
  public static Outcome scan(SmtpProbe probe, ProbeRequest base) {
    List<ProbeResult> results = PortScan.run(probe, base, PortScan.MAIL_PORTS);
    var findings = new ArrayList<Finding>(PortsSection.findings(results));
    var transcript = new ArrayList<String>();
    for (ProbeResult r : results) {
      if (PortsSection.state(r).equals("open")) {
        SmtpEvaluator.evaluate(r).stream()
            .filter(f -> f.kind() != FindingId.SMTP_CONNECT)
            .forEach(findings::add);
      }
      transcript.add("--- port " + r.port() + " ---");
      transcript.addAll(r.transcript());
    }
    boolean none =
        results.stream().allMatch(r -> r.failure().map(f -> f.phase() == Phase.DNS).orElse(false));
    return new Outcome(
        findings, List.of(PortsSection.of(base.host(), results)), transcript, none, results);
  }

  /**
   * True when the probe learned nothing about the server: the name did not resolve, or no address
   * could be reached (every connect timed out or was unreachable, or the TCP connection opened but
   * no complete greeting came before the deadline). A refused connection is a definite answer
   * (nothing listens there), so one refusal among the attempts makes the result determined.
   */
  static boolean undetermined(ProbeResult r) {
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
