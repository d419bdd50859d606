package dev.mailcheck.checks.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.mtasts.Probes;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.testing.TestChecks;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MX hosts DANE checks ({@link Limits#DANE_HOSTS}) and the addresses it probes per host ({@link
 * Limits#DANE_ADDRESSES_PER_HOST}) at cap−1, cap and cap+1 (issue 19): the lowest preferences
 * first, whatever order the answer lists them in; past a cap, no lookup, no probe.
 */
class DaneLimitsTest {
  /** {@code n} exchanges mx1 (preference 1) to mxN, listed highest preference first. */
  static DnsResult mx(String domain, int n) {
    List<DnsRecord> records = new ArrayList<>();
    for (int i = n; i >= 1; i--)
      records.add(new DnsRecord.Mx(domain, 300, i, "mx" + i + "." + domain));
    return new DnsResult.Records(DnsQuestion.of(domain, RecordType.MX), records, List.of());
  }

  static List<String> expected(String domain, int n, int cap) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= Math.min(n, cap); i++) out.add("mx" + i + "." + domain);
    return out;
  }

  @ParameterizedTest(name = "{0} hosts over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void hostsCheckedUpToTheCap(int delta) {
    int n = Limits.DANE_HOSTS + delta;
    assertThat(DaneCheck.exchanges(mx("example.com", n)))
        .containsExactlyElementsOf(expected("example.com", n, Limits.DANE_HOSTS))
        .doesNotContain("mx" + (Limits.DANE_HOSTS + 1) + ".example.com");
  }

  @ParameterizedTest(name = "{0} addresses over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void addressesProbedUpToTheCap(int delta) {
    int n = Limits.DANE_ADDRESSES_PER_HOST + delta;
    FakeDns dns =
        new FakeDns()
            .add(
                new DnsRecord.Other(
                    "_25._tcp.mx.example.test", 300, RecordType.TLSA, "3 1 1 " + "ab".repeat(32)));
    for (int j = 1; j <= n; j++) dns.a("mx.example.test", "127.0.1." + j);
    Set<String> probed = ConcurrentHashMap.newKeySet();
    SmtpProbe smtp =
        req -> {
          for (InetAddress a : req.addresses()) probed.add(a.getHostAddress());
          return Probes.valid(req.host());
        };
    var settings =
        CheckSettings.defaults().withAllowPrivate(true).withTimeout(Duration.ofSeconds(3));
    var facts =
        dev.mailcheck.checks.Checks.DANE
            .fetch(
                DaneCheck.Query.host("mx.example.test", 25),
                TestChecks.context(dns, smtp, settings))
            .join();
    int kept = Math.min(n, Limits.DANE_ADDRESSES_PER_HOST);
    List<String> expected = new ArrayList<>();
    for (int j = 1; j <= kept; j++) expected.add("127.0.1." + j);
    assertThat(probed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(facts.hosts().get(0).probes()).hasSize(kept);
  }
}
