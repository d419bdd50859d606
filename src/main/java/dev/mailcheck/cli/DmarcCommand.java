package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailcheck dmarc DOMAIN}: discover, parse and evaluate the DMARC policy. */
@Command(
    name = "dmarc",
    description = {
      "Check the DMARC policy of a domain.",
      "Finds the DMARC record of DOMAIN (RFC 9989 tree walk and RFC 7489 Public Suffix List,"
          + " both shown where they differ), parses it with positioned errors, and checks the"
          + " policy, subdomain policies, removed tags and report destinations, including the"
          + " external destinations' authorization records (RFC 7489 §7.1)."
    })
final class DmarcCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "DOMAIN",
      description = "The domain (the RFC5322.From domain) to check.")
  String domain;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = domainName(domain);
    return runWithDns(
        ctx,
        settings(ctx),
        checks -> report("dmarc", target, Checks.DMARC.run(target, checks).join()));
  }
}
