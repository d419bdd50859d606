package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.smtp.ProbeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      description = "Name or IP address (a port, if given, is ignored).")
  String target;

  @Mixin TlsTrustOptions trust = new TlsTrustOptions();

  @Mixin PrivateAddressOption privateAddresses = new PrivateAddressOption();

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    HostPort hp = ProbeRequests.target(target, 25);
    ProbeRequest request = ProbeRequests.builder(hp, ctx, trust, privateAddresses).build();
    return runWithOptionalDns(
        ctx,
        ProbeRequests.needsDns(hp),
        settings(ctx).withAllowPrivate(privateAddresses.allowPrivate),
        checks -> report("ports", request.host(), Checks.PORTS.run(request, checks).join()));
  }
}
