package dev.mailcheck.testing;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.smtp.SmtpProbe;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs checks in tests the way commands do: through the contract, on virtual threads. */
public final class TestChecks {
  private static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

  private TestChecks() {}

  public static CheckContext context(DnsClient dns) {
    return context(dns, CheckSettings.defaults());
  }

  public static CheckContext context(DnsClient dns, CheckSettings settings) {
    return CheckContext.dnsOnly(dns, EXECUTOR, settings);
  }

  public static CheckContext context(DnsClient dns, SmtpProbe probe, CheckSettings settings) {
    return new CheckContext(dns, probe, EXECUTOR, settings);
  }

  public static <Q, F> CheckResult<F> run(Check<Q, F> check, Q query, DnsClient dns) {
    return check.run(query, context(dns)).join();
  }

  public static <Q, F> CheckResult<F> run(
      Check<Q, F> check, Q query, DnsClient dns, CheckSettings settings) {
    return check.run(query, context(dns, settings)).join();
  }
}
