package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.report.Report;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailcheck ports HOST}: which of 25, 465 and 587 answer, in parallel. */
@Command(
    name = "ports",
    description = {
      "Probe the mail ports 25, 465 and 587 of a host in parallel.",
      "Each port is open, refused or filtered, with hints on what that means."
    })
final class PortsCommand extends BaseCommand {
  @Parameters(
      paramLabel = "HOST",
      description = "Name or IP literal (a port, if given, is ignored).")
  String target;

  @picocli.CommandLine.Mixin TlsTrustOptions trust = new TlsTrustOptions();

  @picocli.CommandLine.Mixin PrivateAddressOption privateAddresses = new PrivateAddressOption();

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    long start = System.nanoTime();
    HostPort hp = SmtpCommand.parseTarget(target, 25);
    var request =
        SmtpCommand.baseRequest(hp, ctx.timeout(), trust.caFile, trust.insecure)
            .allowPrivate(privateAddresses.allowPrivate)
            .build();
    DnsStack dns = openDnsIfNeeded(ctx, SmtpCommand.needsDns(hp.host()));
    try {
      Report report =
          withChecks(
                  ctx,
                  dns,
                  settings(ctx).withAllowPrivate(privateAddresses.allowPrivate),
                  checks ->
                      report("ports", request.host(), Checks.PORTS.run(request, checks).join()))
              .withDuration(Duration.ofNanos(System.nanoTime() - start));
      return finish(ctx, report, dns);
    } finally {
      SmtpCommand.closeDns(dns);
    }
  }
}
