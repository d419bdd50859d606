package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.testing.TestChecks;
import java.net.InetAddress;
import java.util.Optional;

/** The SPF check run through the contract, as findings plus its view, for tests. */
final class SpfRuns {
  private SpfRuns() {}

  static SpfReport audit(String domain, DnsClient dns) {
    return audit(domain, dns, SpfOptions.defaults());
  }

  static SpfReport audit(String domain, DnsClient dns, SpfOptions options) {
    return run(SpfCheck.Query.audit(domain), dns, options);
  }

  static SpfReport evaluate(
      String domain,
      InetAddress ip,
      Optional<String> sender,
      Optional<String> helo,
      DnsClient dns,
      SpfOptions options) {
    return run(new SpfCheck.Query(domain, Optional.of(ip), sender, helo), dns, options);
  }

  private static SpfReport run(SpfCheck.Query q, DnsClient dns, SpfOptions options) {
    CheckResult<?> r =
        TestChecks.run(Checks.SPF, q, dns, CheckSettings.defaults().withClock(options.clock()));
    return new SpfReport(r.findings(), (SpfView) r.view());
  }
}
