package dev.mailcheck.checks.ptr;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.PtrView;
import dev.mailcheck.testing.TestChecks;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PtrCheckTest {
  record Result(PtrFacts facts, List<Finding> findings, PtrView.Entry entry) {}

  private static Result run(FakeDns dns, String ip, String host) {
    var q = new PtrCheck.Query(InetAddresses.parse(ip).orElseThrow(), Optional.ofNullable(host));
    var r = TestChecks.run(Checks.PTR, q, dns);
    return new Result(r.facts(), r.findings(), Checks.PTR.entry(q, r.facts()));
  }

  @Test
  void missingPtrRemedyNamesTheMxWhenKnownAndHasNoPlaceholder() {
    // issue 11 #15: no "<mail server name>" where the real name is known
    var withHost = run(new FakeDns(), "192.0.2.7", "mx.example.com");
    assertThat(withHost.findings().get(0).remedy())
        .get()
        .asString()
        .endsWith("7.2.0.192.in-addr.arpa. PTR mx.example.com.");
    var alone = run(new FakeDns(), "192.0.2.7", null);
    assertThat(alone.findings().get(0).remedy()).get().asString().doesNotContain("<");
  }

  @Test
  void forwardConfirmedName() {
    FakeDns dns =
        new FakeDns()
            .ptr("1.100.51.198.in-addr.arpa", "mx.example.com")
            .a("mx.example.com", "198.51.100.1");
    var r = run(dns, "198.51.100.1", "mx.example.com");
    assertThat(worst(r.findings()))
        .containsEntry("ptr.present", Status.PASS)
        .containsEntry("ptr.fcrdns", Status.PASS)
        .containsEntry("ptr.matches-mx", Status.INFO)
        .doesNotContainKey("ptr.generic");
    assertThat(r.entry().names())
        .singleElement()
        .satisfies(n -> assertThat(n.forwardConfirmed()).isTrue());
    // the address reverses, not the MX name (was "mx.example.com reverses to itself")
    assertThat(
            r.findings().stream()
                .filter(f -> f.id().equals("ptr.matches-mx"))
                .findFirst()
                .orElseThrow()
                .detail())
        .isEqualTo("198.51.100.1 (an address of mx.example.com) reverses to mx.example.com.");
    var other =
        run(
            new FakeDns()
                .ptr("1.100.51.198.in-addr.arpa", "web.example.net")
                .a("web.example.net", "198.51.100.1"),
            "198.51.100.1",
            "example.com");
    assertThat(
            other.findings().stream()
                .filter(f -> f.id().equals("ptr.matches-mx"))
                .findFirst()
                .orElseThrow()
                .detail())
        .startsWith(
            "198.51.100.1 (an address of example.com) reverses to web.example.net, not to example.com;");
  }

  @Test
  void nameThatResolvesElsewhereFailsFcrdns() {
    FakeDns dns =
        new FakeDns()
            .ptr("1.100.51.198.in-addr.arpa", "mx.example.com")
            .a("mx.example.com", "198.51.100.9");
    var r = run(dns, "198.51.100.1", null);
    assertThat(worst(r.findings()))
        .containsEntry("ptr.fcrdns", Status.FAIL)
        .doesNotContainKey("ptr.matches-mx");
    assertThat(r.entry().names().get(0).forwardAddresses()).containsExactly("198.51.100.9");
  }

  @Test
  void ipv6UsesNibblesAndAaaa() {
    String rev = InetAddresses.reverseName(InetAddresses.parse("2001:db8::1").orElseThrow());
    assertThat(rev)
        .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    FakeDns dns =
        new FakeDns()
            .ptr(rev, "mx.example.com")
            .add(new DnsRecord.Address("mx.example.com", 60, ip("2001:db8::1")));
    assertThat(worst(run(dns, "2001:db8::1", null).findings()))
        .containsEntry("ptr.fcrdns", Status.PASS);
    assertThat(dns.asked())
        .extracting(q -> q.type())
        .containsExactly(RecordType.PTR, RecordType.AAAA);
  }

  @Test
  void missingPtrFails() {
    assertThat(worst(run(new FakeDns(), "198.51.100.1", null).findings()))
        .containsExactlyEntriesOf(Map.of("ptr.present", Status.FAIL));
  }

  @Test
  void temporaryFailuresAreErrors() {
    FakeDns dns = new FakeDns().servfail("1.100.51.198.in-addr.arpa", RecordType.PTR);
    assertThat(worst(run(dns, "198.51.100.1", null).findings()))
        .containsExactlyEntriesOf(Map.of("ptr.present", Status.ERROR));
    FakeDns dns2 =
        new FakeDns()
            .ptr("1.100.51.198.in-addr.arpa", "mx.example.com")
            .timeout("mx.example.com", RecordType.A);
    assertThat(worst(run(dns2, "198.51.100.1", null).findings()))
        .containsEntry("ptr.fcrdns", Status.ERROR);
  }

  @ParameterizedTest
  @CsvSource({
    "198-51-100-1.dsl.example.net, 198.51.100.1",
    "1.100.51.198.example.net, 198.51.100.1",
    "host198.51.100.1.example.net, 198.51.100.1",
    "c6336401.example.net, 198.51.100.1",
    "dynamic-pool.example.net, 198.51.100.1",
    "ppp123.example.net, 198.51.100.1",
    "cpe-198-051-100-001.example.net, 198.51.100.1",
    "2001-db8--1.example.net, 2001:db8::1",
  })
  void genericNames(String name, String ip) {
    assertThat(GenericNames.reason(name, ip(ip))).isPresent();
  }

  @ParameterizedTest
  @CsvSource({
    "mx.example.com, 198.51.100.1",
    "mail1.example.net, 198.51.100.1",
    "smtp.dsl.example, 198.51.100.1",
    "out-198.example.com, 198.51.100.1",
  })
  void specificNames(String name, String ip) {
    assertThat(GenericNames.reason(name, ip(ip))).isEmpty();
  }

  static InetAddress ip(String s) {
    return InetAddresses.parse(s).orElseThrow();
  }
}
