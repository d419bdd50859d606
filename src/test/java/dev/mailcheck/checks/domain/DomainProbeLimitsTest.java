package dev.mailcheck.checks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.smtp.SocketSmtpProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosts a domain report looks at closely, at cap−1, cap and cap+1 (issue 19): the exchanges
 * ({@link Limits#DOMAIN_PROBED_EXCHANGES}, lowest preference first) whose addresses get PTR lookups
 * (and probes) and whose TLSA records are asked, and the addresses per exchange ({@link
 * Limits#DOMAIN_PROBED_ADDRESSES}). Those past a cap are not asked about at all.
 */
class DomainProbeLimitsTest {
  final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    executor.close();
  }

  private List<DnsQuestion> asked(FakeDns dns) {
    var settings =
        CheckSettings.defaults()
            .withAllowPrivate(true)
            .withTimeout(Duration.ofSeconds(3))
            .withDnssecAnchors(DomainCheckTest.OUTSIDE);
    var check =
        new DomainCheck(new CheckContext(dns, new SocketSmtpProbe(null), executor, settings));
    check.run(new DomainCheck.Options("example.test", List.of("sel"), false, 25)).join();
    return dns.asked();
  }

  private static DnsQuestion ptr(String reversed) {
    return DnsQuestion.of(reversed + ".in-addr.arpa", RecordType.PTR);
  }

  @ParameterizedTest(name = "{0} exchanges over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void exchangesLookedAtUpToTheCap(int delta) {
    int n = Limits.DOMAIN_PROBED_EXCHANGES + delta;
    FakeDns dns = new FakeDns();
    // listed highest preference first: the cap keeps the lowest
    for (int i = n; i >= 1; i--)
      dns.mx("example.test", i, "mx" + i + ".example.test")
          .a("mx" + i + ".example.test", "127.0." + i + ".1");
    List<DnsQuestion> asked = asked(dns);
    for (int i = 1; i <= n; i++) {
      DnsQuestion p = ptr("1." + i + ".0.127");
      DnsQuestion address = DnsQuestion.of("mx" + i + ".example.test", RecordType.A);
      assertThat(asked).as("A of exchange %s", i).contains(address);
      if (i <= Limits.DOMAIN_PROBED_EXCHANGES) assertThat(asked).contains(p);
      else assertThat(asked).doesNotContain(p);
    }
  }

  @ParameterizedTest(name = "{0} addresses over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void addressesPerExchangeUpToTheCap(int delta) {
    int n = Limits.DOMAIN_PROBED_ADDRESSES + delta;
    FakeDns dns = new FakeDns().mx("example.test", 10, "mx.example.test");
    for (int j = 1; j <= n; j++) dns.a("mx.example.test", "127.0.1." + j);
    List<DnsQuestion> asked = asked(dns);
    for (int j = 1; j <= n; j++) {
      DnsQuestion p = ptr(j + ".1.0.127");
      if (j <= Limits.DOMAIN_PROBED_ADDRESSES) assertThat(asked).contains(p);
      else assertThat(asked).doesNotContain(p);
    }
  }
}
