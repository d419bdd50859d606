package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailcheck dnssec DOMAIN}: mailcheck's own DNSSEC validation of a mail domain. */
@Command(
    name = "dnssec",
    description = {
      "Validate DNSSEC for a mail domain, from the root trust anchor.",
      "mailcheck validates itself (it never trusts the resolver's AD bit): the domain's MX answer and each MX host's address answer are secure, insecure (with the parent's proof), bogus (with the reason: expired signature, no matching key...) or indeterminate (lookups failed)."
    })
final class DnssecCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The mail domain to check.")
  String domain;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = domainName(domain);
    return runWithDns(
        ctx,
        settings(ctx),
        checks -> report("dnssec", target, Checks.DNSSEC.run(target, checks).join()));
  }
}
