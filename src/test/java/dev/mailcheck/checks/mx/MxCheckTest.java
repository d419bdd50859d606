package dev.mailcheck.checks.mx;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.text.ViewText;
import dev.mailcheck.report.view.MxView;
import dev.mailcheck.testing.TestChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MxCheckTest {
  record Result(MxFacts facts, List<Finding> findings, MxView section) {}

  private static Result run(FakeDns dns, boolean allowPrivate) {
    var r =
        TestChecks.run(
            Checks.MX, "example.com", dns, CheckSettings.defaults().withAllowPrivate(allowPrivate));
    return new Result(r.facts(), r.findings(), (MxView) r.view());
  }

  @Test
  void listsExchangesByPreferenceWithTheirAddresses() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 20, "mx2.example.com")
            .mx("example.com", 10, "mx1.example.com")
            .a("mx1.example.com", "198.51.100.1")
            .add(new dev.mailcheck.dns.DnsRecord.Address("mx1.example.com", 300, ip("2001:db8::1")))
            .a("mx2.example.com", "203.0.113.2");
    var r = run(dns, true);
    assertThat(r.section().hosts())
        .extracting(MxView.Host::exchange)
        .containsExactly("mx1.example.com", "mx2.example.com");
    assertThat(r.section().hosts().get(0).addresses())
        .containsExactly("198.51.100.1", "2001:db8::1");
    assertThat(worst(r.findings()))
        .containsEntry("mx.present", Status.PASS)
        .containsEntry("mx.resolvable", Status.PASS);
    // documentation ranges are special; with --allow-private they are info, not warn
    assertThat(worst(r.findings())).containsEntry("mx.private-address", Status.INFO);
    assertThat(ViewText.lines(r.section()).get(1))
        .contains("10")
        .contains("mx1.example.com")
        .contains("198.51.100.1, 2001:db8::1");
  }

  @Test
  void privateAddressesWarnUnlessAllowed() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 10, "mx.example.com")
            .mx("example.com", 20, "backup.example.com")
            .a("mx.example.com", "10.1.2.3")
            .a("backup.example.com", "8.8.8.8");
    assertThat(worst(run(dns, false).findings())).containsEntry("mx.private-address", Status.WARN);
    assertThat(worst(run(dns, true).findings())).containsEntry("mx.private-address", Status.INFO);
  }

  @Test
  void everyAddressPrivateMeansNoInternetMailArrives() {
    // issue 11 #2: without --allow-private, only special-purpose addresses is a failure
    FakeDns dns =
        new FakeDns().mx("example.com", 10, "mx.example.com").a("mx.example.com", "10.1.2.3");
    var r = run(dns, false);
    assertThat(worst(r.findings())).containsEntry("mx.private-address", Status.FAIL);
    assertThat(r.findings())
        .filteredOn(f -> f.id().equals("mx.private-address"))
        .first()
        .satisfies(
            f -> assertThat(f.title()).isEqualTo("No MX address is reachable from the internet"));
    assertThat(worst(run(dns, true).findings())).containsEntry("mx.private-address", Status.INFO);
  }

  @Test
  void publicAddressesPass() {
    FakeDns dns =
        new FakeDns().mx("example.com", 10, "mx.example.com").a("mx.example.com", "8.8.8.8");
    assertThat(worst(run(dns, false).findings())).containsEntry("mx.private-address", Status.PASS);
  }

  @Test
  void nullMxMeansNoMailAndNoLookups() {
    FakeDns dns = new FakeDns().mx("example.com", 0, "");
    var r = run(dns, false);
    assertThat(worst(r.findings())).containsExactlyEntriesOf(Map.of("mx.null", Status.INFO));
    assertThat(r.section().nullMx()).isTrue();
    assertThat(dns.asked()).hasSize(1);
  }

  @Test
  void nullMxWithOtherRecordsFails() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 0, "")
            .mx("example.com", 10, "mx.example.com")
            .a("mx.example.com", "8.8.8.8");
    assertThat(worst(run(dns, false).findings()))
        .containsEntry("mx.null", Status.FAIL)
        .containsEntry("mx.present", Status.PASS);
  }

  @Test
  void noMxFallsBackToTheDomainsAddress() {
    FakeDns dns = new FakeDns().a("example.com", "8.8.4.4").txt("example.com", "v=spf1 -all");
    var r = run(dns, false);
    assertThat(worst(r.findings()))
        .containsEntry("mx.implicit", Status.WARN)
        .containsEntry("mx.present", Status.PASS);
    assertThat(r.section().implicit()).isTrue();
    assertThat(r.section().hosts())
        .singleElement()
        .extracting(MxView.Host::exchange)
        .isEqualTo("example.com");
  }

  @Test
  void noMxAndNoAddressCannotReceiveMail() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -all");
    assertThat(worst(run(dns, false).findings()))
        .containsEntry("mx.present", Status.FAIL)
        .doesNotContainKey("mx.implicit");
  }

  @Test
  void nonexistentDomainFails() {
    var r = run(new FakeDns(), false);
    assertThat(worst(r.findings())).containsExactlyEntriesOf(Map.of("mx.present", Status.FAIL));
    assertThat(r.findings().get(0).title()).contains("does not exist");
  }

  @ParameterizedTest
  @CsvSource({"SERVFAIL", "TIMEOUT"})
  void temporaryFailureOfTheMxLookupIsAnErrorNotAbsence(String kind) {
    FakeDns dns = new FakeDns().mx("example.com", 10, "mx.example.com");
    if (kind.equals("SERVFAIL")) dns.servfail("example.com", RecordType.MX);
    else dns.timeout("example.com", RecordType.MX);
    assertThat(worst(run(dns, false).findings()))
        .containsExactlyEntriesOf(Map.of("mx.present", Status.ERROR));
  }

  @Test
  void temporaryFailureOfATargetIsAnError() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 10, "mx.example.com")
            .servfail("mx.example.com", RecordType.A)
            .timeout("mx.example.com", RecordType.AAAA);
    var w = worst(run(dns, false).findings());
    assertThat(w)
        .containsEntry("mx.resolvable", Status.ERROR)
        .containsEntry("mx.present", Status.ERROR);
  }

  @Test
  void unresolvableTargetsFail() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 10, "gone.example.com")
            .mx("example.com", 20, "noaddr.example.com")
            .txt("noaddr.example.com", "x");
    var r = run(dns, false);
    var ids = r.findings().stream().filter(f -> f.id().equals("mx.resolvable")).toList();
    assertThat(ids)
        .extracting(f -> f.subject().orElseThrow())
        .containsExactly("gone.example.com", "noaddr.example.com");
    assertThat(ids).allMatch(f -> f.status() == Status.FAIL);
    assertThat(worst(r.findings())).containsEntry("mx.present", Status.FAIL);
    assertThat(r.section().hosts())
        .extracting(MxView.Host::resolution)
        .containsExactly("nxdomain", "no-address");
  }

  @Test
  void cnameTargetIpLiteralDuplicateAndSamePreference() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 10, "alias.example.com")
            .mx("example.com", 10, "192.0.2.7")
            .mx("example.com", 10, "mx.example.com")
            .mx("example.com", 10, "mx.example.com")
            .cname("alias.example.com", "mx.example.com")
            .a("mx.example.com", "8.8.8.8");
    var r = run(dns, false);
    var w = worst(r.findings());
    assertThat(w)
        .containsEntry("mx.cname", Status.WARN)
        .containsEntry("mx.ip-literal", Status.FAIL)
        .containsEntry("mx.duplicate", Status.WARN)
        .containsEntry("mx.same-preference", Status.INFO)
        .containsEntry("mx.present", Status.PASS);
    assertThat(dns.asked()).noneMatch(q -> q.name().equals("192.0.2.7"));
    assertThat(r.section().hosts())
        .extracting(MxView.Host::exchange)
        .containsExactly("192.0.2.7", "alias.example.com", "mx.example.com");
    // the alias record in full, not "alias.example.com. CNAME ..."
    var cname =
        r.findings().stream().filter(f -> f.id().equals("mx.cname")).findFirst().orElseThrow();
    assertThat(cname.evidence()).containsExactly("alias.example.com. CNAME mx.example.com.");
    assertThat(cname.remedy())
        .hasValue("Point the MX record at the canonical name the alias leads to: mx.example.com.");
  }

  @Test
  void addressLookupsOfAllExchangesStartTogether() {
    FakeDns dns = new FakeDns();
    for (int i = 0; i < 5; i++)
      dns.mx("example.com", i, "mx" + i + ".example.com")
          .a("mx" + i + ".example.com", "8.8.8." + i);
    run(dns, false);
    assertThat(dns.asked()).hasSize(11);
    assertThat(dns.asked().get(0).type()).isEqualTo(RecordType.MX);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "10.0.0.1, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "100.64.0.1, shared",
    "169.254.1.1, link-local",
    "192.0.2.1, documentation",
    "240.0.0.1, reserved",
    "::1, loopback",
    "fd00::1, unique local",
    "fe80::1, link-local",
    "2001:db8::5, documentation",
  })
  void specialRanges(String address, String label) {
    assertThat(SpecialAddresses.classify(ip(address))).get().asString().contains(label);
  }

  @ParameterizedTest
  @CsvSource({"8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700::1111", "100.128.0.1"})
  void globalAddresses(String address) {
    assertThat(SpecialAddresses.classify(ip(address))).isEmpty();
  }

  static java.net.InetAddress ip(String s) {
    try {
      return java.net.InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
