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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static List<Finding> of(List<Finding> findings, String id) {
    return findings.stream().filter(f -> f.id().equals(id)).toList();
  }

  // Issue 11 item 5: a record whose v=DMARC1 is not the first tag is discarded by receivers.
  @Test
  void versionNotFirstIsASyntaxFailureAndTheDomainHasNoPolicy() {
    for (String published :
        List.of(
            "p=reject; v=DMARC1; rua=mailto:d@example.com",
            "p=reject; V = DMARC1; rua=mailto:d@example.com",
            "p=reject;\tv=dmarc1 ; rua=mailto:d@example.com")) {
      FakeDns dns = new FakeDns().txt("_dmarc.example.com", published);
      var f = run(dns, "example.com").findings();
      assertThat(worst(f))
          .as(published)
          .containsEntry("dmarc.syntax", Status.FAIL)
          .containsEntry("dmarc.present", Status.FAIL)
          .doesNotContainKey("dmarc.other-records")
          .doesNotContainValue(Status.PASS);
      Finding syntax = of(f, "dmarc.syntax").get(0);
      assertThat(syntax.detail()).contains("is tag 2").contains("no DMARC policy");
      assertThat(syntax.remedy())
          .hasValue(
              "Move v=DMARC1 to the front, keeping every other tag as published:"
                  + " _dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"");
    }
  }

  @Test
  void discardedOwnRecordNextToAnInheritedPolicyIsNoPass() {
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.mail.example.com", "p=reject; v=DMARC1")
            .txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
    var f = run(dns, "mail.example.com").findings();
    assertThat(worst(f))
        .containsEntry("dmarc.present", Status.WARN)
        .containsEntry("dmarc.syntax", Status.FAIL);
    assertThat(of(f, "dmarc.syntax").get(0).detail())
        .contains("the record at _dmarc.example.com applies instead");
  }

  // Issue 11 item 10: an invalid optional tag falls back to its default; p= still applies.
  @Test
  void invalidOptionalTagsAreReportedOneByOneAndThePolicyApplies() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "_dmarc.example.com",
                "v=DMARC1; p=reject; adkim=x;; fo=9; rua=dmarc@example.com,mailto:d@example.com");
    var f = run(dns, "example.com").findings();
    assertThat(worst(f))
        .containsEntry("dmarc.present", Status.PASS)
        .containsEntry("dmarc.policy", Status.PASS)
        .containsEntry("dmarc.rua", Status.PASS);
    List<Finding> syntax = of(f, "dmarc.syntax");
    assertThat(syntax).hasSize(4).allMatch(x -> x.status() == Status.FAIL);
    assertThat(syntax.get(0).detail()).contains("tag 4, at character 29");
    assertThat(syntax)
        .anySatisfy(
            x ->
                assertThat(x.detail())
                    .contains("adkim=x is not r or s")
                    .contains("tag 3, at character 21")
                    .contains("the rest of the record applies, with p=reject"));
    assertThat(syntax)
        .anySatisfy(x -> assertThat(x.detail()).contains("\"dmarc@example.com\" is not a URI"));
    assertThat(syntax.get(0).remedy())
        .hasValue(
            "Publish the record with only the broken parts corrected: _dmarc.example.com. TXT"
                + " \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:d@example.com\"");
  }

  @Test
  void missingOrInvalidPolicyWithAValidRuaIsReadAsNone() {
    var missing =
        run(
                new FakeDns().txt("_dmarc.example.com", "v=DMARC1; rua=mailto:d@example.com"),
                "example.com")
            .findings();
    assertThat(worst(missing))
        .containsEntry("dmarc.present", Status.PASS)
        .containsEntry("dmarc.syntax", Status.PASS)
        .containsEntry("dmarc.policy", Status.WARN);
    assertThat(of(missing, "dmarc.tag-order").get(0).title())
        .isEqualTo("No p= tag: read as p=none");

    var invalid =
        run(
                new FakeDns()
                    .txt("_dmarc.example.com", "v=DMARC1; p=rejected; rua=mailto:d@example.com"),
                "example.com")
            .findings();
    assertThat(worst(invalid))
        .containsEntry("dmarc.present", Status.WARN)
        .containsEntry("dmarc.syntax", Status.FAIL)
        .containsEntry("dmarc.policy", Status.WARN);
    assertThat(of(invalid, "dmarc.present").get(0).detail())
        .contains("act as if the record said p=none");
    assertThat(of(invalid, "dmarc.policy").get(0).remedy())
        .hasValue("Correct the record as dmarc.syntax shows; its published policy then applies.");
  }

  // Issue 11 item 12: no pass for any part of a record receivers cannot use.
  @Test
  void anUnusableRecordGetsNoPassAnywhere() {
    for (String published :
        List.of(
            "v=DMARC1; p=rejected; adkim=x; rua=dmarc@example.com",
            "v=DMARC1; adkim=s",
            "v=DMARC1; p=reject; np=maybe")) {
      var r = run(new FakeDns().txt("_dmarc.example.com", published), "example.com");
      assertThat(r.findings()).as(published).noneMatch(x -> x.status() == Status.PASS);
      assertThat(worst(r.findings()))
          .as(published)
          .containsEntry("dmarc.present", Status.FAIL)
          .containsEntry("dmarc.syntax", Status.FAIL)
          .doesNotContainKeys("dmarc.policy", "dmarc.rua", "dmarc.subdomain-policy");
      assertThat(r.section().record())
          .get()
          .satisfies(v -> assertThat(v.usability()).isEqualTo("unusable"));
      assertThat(ViewText.lines(r.section())).anyMatch(l -> l.contains("not usable"));
    }
  }

  // Issue 11 item 13: a temporary failure is an error, never "no record".
  @Test
  void aFailedLookupSaysItFailedAndThatTheRecordMayExist() {
    var r = run(new FakeDns().servfail("_dmarc.example.com", RecordType.TXT), "example.com");
    Finding present = of(r.findings(), "dmarc.present").get(0);
    assertThat(present.status()).isEqualTo(Status.ERROR);
    assertThat(present.title()).contains("_dmarc.example.com SERVFAIL").doesNotContain("No DMARC");
    assertThat(present.detail()).contains("may well exist").contains("incomplete");
    assertThat(r.section().rfc9989().failure()).isEqualTo("_dmarc.example.com SERVFAIL");
    assertThat(ViewText.lines(r.section()))
        .contains(
            "  lookup failed: _dmarc.example.com SERVFAIL (temporary); a record may exist, this result is incomplete")
        .noneMatch(l -> l.contains("no record"));
  }

  /** {@code _dmarc.<name>. TXT "<record>"} in a remedy; authorization records are not policies. */
  private static final Pattern SUGGESTED = Pattern.compile("(_dmarc\\.\\S+)\\. TXT \"([^\"]*)\"");

  // Issue 11 item 15: every suggested record parses, keeps the published intent, names real names.
  @Test
  void everySuggestedRecordIsValidAndNeverADowngrade() {
    List<String> published =
        List.of(
            "v=DMARC1; p=reject; adkim=x",
            "v=DMARC1; p=rejected; adkim=x; rua=dmarc@example.com",
            "v=DMARC1; p=reject; sp=quarantin; rua=mailto:d@example.com",
            "v=DMARC1; p=reject; np=maybe",
            "v=DMARC1; p=reject;; fo=1:2; t=yes; psd=q; rua=mailto:d@example.com!9x",
            "p=reject; v=DMARC1",
            "v=dmarc1; p=reject",
            "' v=DMARC1; p=reject'".replace("'", ""),
            "v=DMARC1; p=reject; p=none",
            "v=DMARC1; p=reject; tagonly; 1x=2",
            "v=DMARC1; adkim=s",
            "v=DMARC1; p=none; aspf=q");
    List<String> suggested = new ArrayList<>();
    for (String text : published) {
      for (String domain : List.of("example.com", "mail.example.com")) {
        var r = run(new FakeDns().txt("_dmarc.example.com", text), domain);
        for (Finding f : r.findings()) {
          String remedy = f.remedy().orElse("");
          assertThat(remedy).as(text).doesNotContain("<").doesNotContain(">");
          Matcher m = SUGGESTED.matcher(remedy);
          while (m.find()) {
            String record = m.group(2);
            suggested.add(record);
            DmarcRecord parsed = DmarcParser.parse(record);
            assertThat(parsed.valid()).as(record + " " + parsed.problems()).isTrue();
            assertThat(parsed.usability()).isEqualTo(DmarcRecord.Usability.USABLE);
            if (text.matches("(?i).*p\\s*=\\s*reject.*"))
              assertThat(parsed.p()).as("suggested for " + text).contains(Policy.REJECT);
          }
        }
      }
    }
    assertThat(suggested).hasSizeGreaterThanOrEqualTo(published.size());
    // the no-record remedy as well
    var none = run(new FakeDns(), "example.com");
    Matcher m =
        SUGGESTED.matcher(of(none.findings(), "dmarc.present").get(0).remedy().orElseThrow());
    assertThat(m.find()).isTrue();
    assertThat(DmarcParser.parse(m.group(2)).valid()).isTrue();
    assertThat(m.group(1)).isEqualTo("_dmarc.example.com");
  }
}
