package dev.mailcheck.checks.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.testing.TestChecks;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosts the MTA-STS report probes, at cap−1, cap and cap+1 (issue 19): exchanges ({@link
 * Limits#MTA_STS_PROBED_EXCHANGES}, lowest preference first) and addresses per exchange ({@link
 * Limits#MTA_STS_PROBED_ADDRESSES}). Past a cap, no SMTP session is opened.
 */
class MtaStsProbeLimitsTest {
  static final String D = "example.test";

  /** host/address of every probe run. */
  private static Set<String> probed(FakeDns dns) {
    Set<String> probed = ConcurrentHashMap.newKeySet();
    SmtpProbe smtp =
        req -> {
          for (InetAddress a : req.addresses()) probed.add(req.host() + "/" + a.getHostAddress());
          return Probes.valid(req.host());
        };
    var settings =
        CheckSettings.defaults().withAllowPrivate(true).withTimeout(Duration.ofSeconds(3));
    MtaStsReport.run(D, true, 25, TestChecks.context(dns, smtp, settings)).join();
    return probed;
  }

  private static FakeDns deployed() {
    return new FakeDns().txt("_mta-sts." + D, "v=STSv1; id=20240101");
  }

  @ParameterizedTest(name = "{0} exchanges over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void exchangesProbedUpToTheCap(int delta) {
    int n = Limits.MTA_STS_PROBED_EXCHANGES + delta;
    FakeDns dns = deployed();
    for (int i = n; i >= 1; i--)
      dns.mx(D, i, "mx" + i + "." + D).a("mx" + i + "." + D, "127.0." + i + ".1");
    Set<String> probed = probed(dns);
    int kept = Math.min(n, Limits.MTA_STS_PROBED_EXCHANGES);
    assertThat(probed).hasSize(kept);
    for (int i = 1; i <= kept; i++)
      assertThat(probed).contains("mx" + i + "." + D + "/127.0." + i + ".1");
  }

  @ParameterizedTest(name = "{0} addresses over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void addressesProbedUpToTheCap(int delta) {
    int n = Limits.MTA_STS_PROBED_ADDRESSES + delta;
    FakeDns dns = deployed().mx(D, 10, "mx." + D);
    for (int j = 1; j <= n; j++) dns.a("mx." + D, "127.0.1." + j);
    Set<String> probed = probed(dns);
    int kept = Math.min(n, Limits.MTA_STS_PROBED_ADDRESSES);
    assertThat(probed).hasSize(kept);
    for (int j = 1; j <= kept; j++) assertThat(probed).contains("mx." + D + "/127.0.1." + j);
  }
}
