package dev.mailcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.ptr.PtrFacts;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.testing.TestChecks;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fan-out caps of the MX and PTR checks at cap−1, cap and cap+1 (issue 19): a hostile zone can
 * publish hundreds of MX or PTR records; only the first {@link Limits#MX_EXCHANGES} exchanges and
 * {@link Limits#PTR_NAMES} PTR names are followed, and no lookup goes out for the rest.
 */
class ChecksLimitsTest {
  @ParameterizedTest(name = "{0} exchanges over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void mxExchanges(int delta) {
    int n = Limits.MX_EXCHANGES + delta;
    FakeDns dns = new FakeDns();
    for (int i = 1; i <= n; i++)
      dns.mx("example.com", i, "mx" + i + ".example.com")
          .a("mx" + i + ".example.com", "192.0.2." + i);
    MxFacts facts = TestChecks.run(Checks.MX, "example.com", dns).facts();
    assertThat(facts.records()).hasSize(n);
    assertThat(facts.hosts()).hasSize(Math.min(n, Limits.MX_EXCHANGES));
    assertThat(
            dns.asked().stream()
                .filter(q -> q.type() == RecordType.A)
                .map(q -> q.name())
                .distinct())
        .hasSize(Math.min(n, Limits.MX_EXCHANGES))
        .doesNotContain("mx" + (Limits.MX_EXCHANGES + 1) + ".example.com");
  }

  @ParameterizedTest(name = "{0} names over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void ptrNames(int delta) throws Exception {
    int n = Limits.PTR_NAMES + delta;
    FakeDns dns = new FakeDns();
    for (int i = 1; i <= n; i++)
      dns.ptr("1.2.0.192.in-addr.arpa", "h" + i + ".example.com")
          .a("h" + i + ".example.com", "192.0.2.1");
    PtrFacts facts =
        TestChecks.run(
                Checks.PTR,
                new PtrCheck.Query(InetAddress.getByName("192.0.2.1"), Optional.empty()),
                dns)
            .facts();
    assertThat(facts.names()).hasSize(n);
    assertThat(facts.forwards()).hasSize(Math.min(n, Limits.PTR_NAMES));
    assertThat(dns.asked().stream().filter(q -> q.type() == RecordType.A))
        .hasSize(Math.min(n, Limits.PTR_NAMES));
  }
}
