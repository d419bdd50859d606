package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.DkimAuditView;
import dev.mailcheck.report.view.DkimVerifyView;
import dev.mailcheck.testing.TestChecks;
import java.time.Clock;
import java.util.List;

/** The DKIM checks run through the contract, with their findings and typed view, for tests. */
final class DkimRuns {
  private DkimRuns() {}

  record Run<V>(List<Finding> findings, V section) {}

  static Run<DkimAuditView> audit(
      String domain, List<String> selectors, List<String> providerHosts, DnsClient dns) {
    CheckResult<?> r =
        TestChecks.run(Checks.DKIM, new DkimCheck.Query(domain, selectors, providerHosts), dns);
    return new Run<>(r.findings(), (DkimAuditView) r.view());
  }

  static Run<DkimVerifyView> verify(byte[] message, DnsClient dns, Clock clock) {
    return verify(DkimMessage.parse(message), dns, clock);
  }

  static Run<DkimVerifyView> verify(DkimMessage message, DnsClient dns, Clock clock) {
    CheckResult<?> r =
        TestChecks.run(
            Checks.DKIM_VERIFY,
            DkimVerifyCheck.Query.of(message),
            dns,
            CheckSettings.defaults().withClock(clock));
    return new Run<>(r.findings(), (DkimVerifyView) r.view());
  }
}
