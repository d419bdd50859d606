package dev.mailcheck.checks.dmarc;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.text.ViewText;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.testing.TestChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmarcCheckTest {
  record Result(DmarcFacts facts, List<Finding> findings, DmarcView section) {}

  private static Result run(FakeDns dns, String domain) {
    var r = TestChecks.run(Checks.DMARC, domain, dns);
    return new Result(r.facts(), r.findings(), (DmarcView) r.view());
  }

  @Test
  void walkTargetsAreAtMostEight() {
    assertThat(DmarcDiscovery.walkTargets("a.mail.example.com"))
        .containsExactly("a.mail.example.com", "mail.example.com", "example.com", "com");
    List<String> deep = DmarcDiscovery.walkTargets("a.b.c.d.e.f.g.h.i.example.com");
    assertThat(deep).hasSize(8);
    assertThat(deep.get(1)).isEqualTo("e.f.g.h.i.example.com");
    assertThat(deep.get(7)).isEqualTo("com");
    assertThat(DmarcDiscovery.walkTargets("com")).containsExactly("com");
  }

  @Test
  void rejectPolicyWithAuthorizedExternalReports() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "_dmarc.example.com",
                "v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:agg@reports.example.net")
            .txt("example.com._report._dmarc.reports.example.net", "v=DMARC1");
    var r = run(dns, "example.com");
    assertThat(worst(r.findings()))
        .containsEntry("dmarc.present", Status.PASS)
        .containsEntry("dmarc.syntax", Status.PASS)
        .containsEntry("dmarc.policy", Status.PASS)
        .containsEntry("dmarc.subdomain-policy", Status.PASS)
        .containsEntry("dmarc.rua", Status.PASS)
        .containsEntry("dmarc.rua-authorized", Status.PASS)
        .doesNotContainKey("dmarc.discovery");
    assertThat(r.section().reportAuthorization())
        .singleElement()
        .satisfies(a -> assertThat(a.outcome()).isEqualTo("authorized"));
    assertThat(r.section().record()).get().satisfies(v -> assertThat(v.p()).isEqualTo("reject"));
  }

  @Test
  void unauthorizedAndUncheckableDestinations() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "_dmarc.example.com",
                "v=DMARC1; p=none; rua=mailto:a@other.example.net; ruf=mailto:f@third.example.org")
            .servfail("example.com._report._dmarc.third.example.org", RecordType.TXT);
    var r = run(dns, "example.com");
    var auth = r.findings().stream().filter(f -> f.id().equals("dmarc.rua-authorized")).toList();
    assertThat(auth).extracting(Finding::status).containsExactly(Status.FAIL, Status.ERROR);
    assertThat(auth.get(0).remedy())
        .contains(
            "Ask the operator of other.example.net to publish: example.com._report._dmarc.other.example.net. TXT \"v=DMARC1\"");
    assertThat(worst(r.findings())).containsEntry("dmarc.policy", Status.WARN);
    // p=none everywhere: no PASS "Subdomains get none" next to the policy warning (lab weak.test)
    assertThat(worst(r.findings())).containsEntry("dmarc.subdomain-policy", Status.INFO);
    // the rua finding next to the FAIL must not claim the reports arrive ("go to")
    assertThat(r.findings().stream().filter(f -> f.id().equals("dmarc.rua")))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.title())
                    .isEqualTo("Aggregate reports requested: a@other.example.net"));
    // the text section speaks words, not the JSON enum "not-authorized"
    assertThat(ViewText.lines(r.section()))
        .contains(
            "  report destination other.example.net: NOT authorized (no TXT \"v=DMARC1\" at example.com._report._dmarc.other.example.net)")
        .contains(
            "  report destination third.example.org: could not check (example.com._report._dmarc.third.example.org did not answer)")
        .noneMatch(l -> l.contains("not-authorized"));
    assertThat(r.section().reportAuthorization())
        .extracting(a -> a.outcome())
        .containsExactly("not-authorized", "error");
  }

  @Test
  void missingRecordFails() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -all");
    var r = run(dns, "example.com");
    assertThat(worst(r.findings())).containsExactlyEntriesOf(Map.of("dmarc.present", Status.FAIL));
    assertThat(r.section().record()).isEmpty();
  }

  @Test
  void temporaryFailureIsAnErrorNotAbsence() {
    FakeDns dns = new FakeDns().timeout("_dmarc.example.com", RecordType.TXT);
    assertThat(worst(run(dns, "example.com").findings()))
        .containsEntry("dmarc.present", Status.ERROR);
  }

  @Test
  void failureAtThePublicSuffixLevelDoesNotHideAbsence() {
    FakeDns dns =
        new FakeDns().txt("example.com", "v=spf1 -all").servfail("_dmarc.com", RecordType.TXT);
    var f = run(dns, "example.com").findings();
    assertThat(worst(f)).containsEntry("dmarc.present", Status.FAIL);
    assertThat(f.get(0).detail()).contains("_dmarc.com SERVFAIL");
    FakeDns dns2 = new FakeDns().servfail("_dmarc.example.com", RecordType.TXT);
    assertThat(worst(run(dns2, "mail.example.com").findings()))
        .containsEntry("dmarc.present", Status.ERROR);
  }

  @Test
  void subdomainInheritsFromOrganizationalDomainBySp() {
    FakeDns dns = new FakeDns().txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=none");
    var r = run(dns, "mail.example.com");
    var w = worst(r.findings());
    assertThat(w)
        .containsEntry("dmarc.present", Status.PASS)
        .containsEntry("dmarc.policy", Status.WARN)
        .containsEntry("dmarc.subdomain-policy", Status.WARN);
    assertThat(r.section().rfc9989().recordAt()).isEqualTo("example.com");
    assertThat(r.section().rfc7489().recordAt()).isEqualTo("example.com");
  }

  @Test
  void nonExistentSubdomainGetsNp() {
    // RFC 9989 np=: a name without A, AAAA and MX (NXDOMAIN) gets np=, not sp=.
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=reject; np=none")
            .a("mail.example.com", "192.0.2.1");
    var ghost = run(dns, "ghost.example.com");
    assertThat(worst(ghost.findings())).containsEntry("dmarc.policy", Status.WARN);
    var policy =
        ghost.findings().stream()
            .filter(f -> f.id().equals("dmarc.policy"))
            .findFirst()
            .orElseThrow();
    assertThat(policy.remedy())
        .hasValueSatisfying(r -> assertThat(r).contains("set np=quarantine"));
    assertThat(
            ghost.findings().stream()
                .filter(f -> f.id().equals("dmarc.present"))
                .findFirst()
                .orElseThrow()
                .detail())
        .contains("ghost.example.com does not exist (A, AAAA and MX: NXDOMAIN), so np= applies.");
    // an existing subdomain gets sp=
    assertThat(worst(run(dns, "mail.example.com").findings()))
        .containsEntry("dmarc.policy", Status.PASS);
    // the domain's own record: p=, and no existence lookups
    var own = run(dns, "example.com");
    assertThat(worst(own.findings())).containsEntry("dmarc.policy", Status.PASS);
    assertThat(dns.asked())
        .noneMatch(q -> q.name().equals("example.com") && q.type() == RecordType.MX);
  }

  @Test
  void multipleRecordsAreDiscardedAndDiscoveryMethodsDiffer() {
    // RFC 9989 discards both records at the author domain and walks on to example.com; RFC 7489
    // stops with no policy.
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject")
            .txt("_dmarc.mail.example.com", "v=DMARC1; p=none")
            .txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
    var r = run(dns, "mail.example.com");
    var w = worst(r.findings());
    assertThat(w)
        .containsEntry("dmarc.multiple", Status.FAIL)
        .containsEntry("dmarc.present", Status.PASS)
        .containsEntry("dmarc.discovery", Status.INFO);
    assertThat(r.section().rfc7489().outcome()).isEqualTo("multiple");
    assertThat(r.section().rfc9989().outcome()).isEqualTo("found");
  }

  @Test
  void pslAndTreeWalkDisagreeOnPrivateSuffix() {
    // github.io is a public suffix on the PSL (private section); the tree walk finds its record.
    FakeDns dns = new FakeDns().txt("_dmarc.github.io", "v=DMARC1; p=none; psd=n");
    var r = run(dns, "user.github.io");
    assertThat(r.section().pslOrgDomain()).isEqualTo("user.github.io");
    assertThat(r.section().orgDomain()).isEqualTo("github.io");
    assertThat(worst(r.findings())).containsEntry("dmarc.discovery", Status.INFO);
    assertThat(r.section().pslVersion()).matches("\\d{4}-\\d{2}-\\d{2}.*");
  }

  @Test
  void publicSuffixPolicyOnlyWarns() {
    FakeDns dns = new FakeDns().txt("_dmarc.example", "v=DMARC1; p=reject; psd=y");
    var r = run(dns, "shop.example");
    assertThat(worst(r.findings())).containsEntry("dmarc.present", Status.WARN);
    assertThat(r.section().orgDomain()).isEqualTo("shop.example");
  }

  @Test
  void invalidRecordAndLookalikes() {
    FakeDns dns = new FakeDns().txt("_dmarc.example.com", "v=DMARC1; p=maybe");
    var r = run(dns, "example.com");
    assertThat(worst(r.findings()))
        .containsEntry("dmarc.syntax", Status.FAIL)
        .doesNotContainKey("dmarc.policy");
    assertThat(
            r.findings().stream()
                .filter(f -> f.id().equals("dmarc.syntax"))
                .findFirst()
                .orElseThrow()
                .detail())
        .contains("at character 11");

    FakeDns dns2 =
        new FakeDns()
            .txt("_dmarc.example.com", "v=dmarc1; p=reject")
            .txt("_dmarc.example.com", "google-site-verification=x");
    var w2 = worst(run(dns2, "example.com").findings());
    assertThat(w2)
        .containsEntry("dmarc.syntax", Status.FAIL)
        .containsEntry("dmarc.present", Status.FAIL)
        .containsEntry("dmarc.other-records", Status.INFO);
  }

  @Test
  void testingRemovedTagsAndStrictAlignment() {
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; pct=50; t=y; adkim=s; np=none; xyz=1");
    var w = worst(run(dns, "example.com").findings());
    assertThat(w)
        .containsEntry("dmarc.testing", Status.WARN)
        .containsEntry("dmarc.removed-tags", Status.WARN)
        .containsEntry("dmarc.alignment", Status.INFO)
        .containsEntry("dmarc.subdomain-policy", Status.WARN)
        .containsEntry("dmarc.unknown-tags", Status.INFO)
        .containsEntry("dmarc.rua", Status.INFO);
  }

  @Test
  void allDiscoveryQueriesGoOutInOneWave() {
    FakeDns dns = new FakeDns().txt("_dmarc.example.com", "v=DMARC1; p=reject");
    run(dns, "a.b.example.com");
    assertThat(dns.asked().subList(0, 4))
        .extracting(q -> q.name())
        .containsExactlyInAnyOrder(
            "_dmarc.a.b.example.com", "_dmarc.b.example.com", "_dmarc.example.com", "_dmarc.com");
    // then, the policy being inherited: does a.b.example.com exist (sp= or np=)?
    assertThat(dns.asked().subList(4, dns.asked().size()))
        .extracting(q -> q.name() + " " + q.type())
        .containsExactlyInAnyOrder(
            "a.b.example.com A", "a.b.example.com AAAA", "a.b.example.com MX");
  }
}
