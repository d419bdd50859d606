package dev.mailcheck.cli;

import dev.mailcheck.checks.mx.MxCheck;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.report.Report;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck mx DOMAIN}: the mail exchanges by preference with their addresses, checked. */
@Command(
    name = "mx",
    description = {
      "List the MX hosts of DOMAIN by preference with their A/AAAA addresses and check them:",
      "null MX (RFC 7505), implicit MX, CNAME or IP-literal targets, unresolvable targets,",
      "duplicates, and addresses in private/reserved ranges."
    })
final class MxCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain whose mail exchanges to check.")
  String domain;

  @Option(names = "--allow-private", description = "Accept MX addresses in loopback/private/reserved ranges (labs, internal mail).")
  boolean allowPrivate;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = DomainNames.normalize(domain);
    long start = System.nanoTime();
    try (DnsStack dns = openDns(ctx)) {
      MxCheck.Result result = new MxCheck(dns.client(), allowPrivate).run(target).join();
      dns.requireReachable();
      Report report =
          new Report("mx", target, result.findings(), List.of(result.section()))
              .withDuration(Duration.ofNanos(System.nanoTime() - start));
      return finish(ctx, report, dns);
    }
  }
}
