package dev.mailcheck.checks.smtp;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.view.PortsView;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The mail ports 25, 465 and 587 of a host, probed in parallel: per port open / refused / filtered,
 * and for each open port the probe's own findings with the port as subject. Only a failed name
 * lookup leaves it undetermined: a port that times out is "filtered", which is the finding.
 */
public final class PortsCheck implements Check<ProbeRequest, List<ProbeResult>> {
  @Override
  public CompletableFuture<List<ProbeResult>> fetch(ProbeRequest base, CheckContext ctx) {
    return ctx.async(() -> PortScan.run(ctx.smtp(), base, PortScan.MAIL_PORTS));
  }

  @Override
  public List<Finding> evaluate(
      ProbeRequest base, List<ProbeResult> results, CheckSettings settings) {
    var findings = new ArrayList<Finding>(PortsEvaluator.findings(results));
    for (ProbeResult r : results) {
      if (PortsEvaluator.state(r).equals("open")) {
        SmtpEvaluator.evaluate(r, settings.switches()).stream()
            .filter(f -> f.kind() != FindingId.SMTP_CONNECT)
            .forEach(findings::add);
      }
    }
    return findings;
  }

  @Override
  public PortsView view(ProbeRequest base, List<ProbeResult> results) {
    return SmtpViews.ports(base.host(), results);
  }

  @Override
  public List<String> transcript(List<ProbeResult> results) {
    var transcript = new ArrayList<String>();
    for (ProbeResult r : results) {
      transcript.add("--- port " + r.port() + " ---");
      transcript.addAll(r.transcript());
    }
    return transcript;
  }

  @Override
  public boolean undetermined(List<ProbeResult> results) {
    return results.stream()
        .allMatch(r -> r.failure().map(f -> f.phase() == Phase.DNS).orElse(false));
  }
}
