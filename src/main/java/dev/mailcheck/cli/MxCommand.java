package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mailcheck mx DOMAIN}: the mail exchanges by preference with their addresses, checked. */
@Command(
    name = "mx",
    description = {
      "Check the MX hosts of a domain and their addresses.",
      "Lists the MX hosts of DOMAIN by preference with their A/AAAA addresses and checks them:"
          + " null MX (RFC 7505), implicit MX, CNAME or IP-literal targets, unresolvable targets,"
          + " duplicates, and addresses in private/reserved ranges."
    })
final class MxCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "DOMAIN",
      description = "The domain whose mail exchanges to check.")
  String domain;

  @Mixin PrivateMxOption privateAddresses = new PrivateMxOption();

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = domainName(domain);
    return runWithDns(
        ctx,
        settings(ctx).withAllowPrivate(privateAddresses.allowPrivate),
        checks -> report("mx", target, Checks.MX.run(target, checks).join()));
  }
}
