package dev.mailcheck.checks.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.testing.TestChecks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words users read for each DMARC rule, pinned exactly: subdomain policy, removed and unknown
 * tags, tag order, the syntax findings (their titles, their cap, what each error means for the
 * record) and the no-record wording. Written against the PIT survivors in {@link DmarcEvaluator}
 * and {@link DmarcRecordFindings} (issue 19).
 */
class DmarcFindingsMutationTest {
  private static List<Finding> findings(FakeDns dns, String domain) {
    return TestChecks.run(Checks.DMARC, domain, dns).findings();
  }

  private static List<Finding> findings(String record) {
    return findings(new FakeDns().txt("_dmarc.example.com", record), "example.com");
  }

  private static List<Finding> of(List<Finding> fs, FindingId id) {
    return fs.stream().filter(f -> f.kind() == id).toList();
  }

  private static Finding one(List<Finding> fs, FindingId id) {
    List<Finding> matching = of(fs, id);
    assertThat(matching).as(id.id()).hasSize(1);
    return matching.get(0);
  }

  // --- dmarc.subdomain-policy ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v=DMARC1; p=reject                         | PASS | Subdomains get reject                              | ''
          v=DMARC1; p=quarantine; sp=reject          | PASS | Subdomains get reject                              | ''
          v=DMARC1; p=quarantine; np=reject          | PASS | Subdomains get quarantine, non-existent names reject | ''
          v=DMARC1; p=reject; sp=reject; np=reject   | PASS | Subdomains get reject                              | ''
          v=DMARC1; p=none                           | INFO | Subdomains get none, like the domain               | sp= and np= follow p=none: forged mail from subdomains is delivered as usual too (see dmarc.policy).
          v=DMARC1; p=reject; np=none                | WARN | The subdomain policy is weaker than the domain policy | np=none is weaker than p=reject: forged mail from names that do not even exist gets the mildest treatment.
          v=DMARC1; p=reject; sp=quarantine; np=none | WARN | The subdomain policy is weaker than the domain policy | sp=quarantine is weaker than p=reject: subdomains are less protected than the domain; np=none is weaker than sp=quarantine: forged mail from names that do not even exist gets the mildest treatment.
          v=DMARC1; p=reject; sp=none; np=reject     | WARN | The subdomain policy is weaker than the domain policy | sp=none is weaker than p=reject: subdomains are less protected than the domain.
          """)
  void theSubdomainPolicyIsComparedWithTheDomainPolicy(
      String record, Status status, String title, String detail) {
    Finding f = one(findings(record), FindingId.DMARC_SUBDOMAIN_POLICY);
    assertThat(f.status()).isEqualTo(status);
    assertThat(f.title()).isEqualTo(title);
    assertThat(f.detail()).isEqualTo(detail);
    assertThat(f.subject()).hasValue("_dmarc.example.com");
    if (status == Status.WARN)
      assertThat(f.remedy())
          .hasValue(
              "Remove sp=/np= to inherit p=reject, or raise them to at least p's level, unless a subdomain is still being brought into line.");
  }

  // --- dmarc.policy: which tag applies and how it is named ---

  @Test
  void aSubdomainIsToldTheTagThatAppliesToIt() {
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=none; np=none")
            .txt("_dmarc.other.example", "v=DMARC1; p=none")
            .txt("_dmarc.third.example", "v=DMARC1; p=reject; sp=none")
            .a("mail.example.com", "192.0.2.1")
            .a("mail.other.example", "192.0.2.2");
    // an existing subdomain: sp=
    assertThat(policyNone(dns, "mail.example.com"))
        .containsExactly(
            "sp=none asks receivers to deliver mail that fails DMARC as usual: it protects nothing, it only produces reports.",
            "Once the aggregate reports show your legitimate mail passing SPF or DKIM aligned, set sp=quarantine, then sp=reject, at _dmarc.example.com.");
    // a name that does not exist: np=
    assertThat(policyNone(dns, "ghost.example.com"))
        .containsExactly(
            "np=none asks receivers to deliver mail that fails DMARC as usual: it protects nothing, it only produces reports.",
            "Once the aggregate reports show your legitimate mail passing SPF or DKIM aligned, set np=quarantine, then np=reject, at _dmarc.example.com.");
    // neither sp= nor np= published: p= applies to subdomains and ghosts alike
    assertThat(policyNone(dns, "mail.other.example").get(1)).contains("set p=quarantine");
    assertThat(policyNone(dns, "ghost.other.example").get(1)).contains("set p=quarantine");
    // no np=: a name that does not exist gets sp=
    assertThat(policyNone(dns, "ghost.third.example").get(1)).contains("set sp=quarantine");
  }

  private static List<String> policyNone(FakeDns dns, String domain) {
    Finding f = one(findings(dns, domain), FindingId.DMARC_POLICY);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.title()).isEqualTo("DMARC policy is none: monitoring only");
    return List.of(f.detail(), f.remedy().orElseThrow());
  }

  @Test
  void aPolicyReadAsNoneBecauseOfAnErrorSaysSoInsteadOfNamingATag() {
    Finding f =
        one(findings("v=DMARC1; p=bogus; rua=mailto:a@example.com"), FindingId.DMARC_POLICY);
    assertThat(f.detail())
        .isEqualTo(
            "The record is read as p=none because of its policy error (see dmarc.syntax); p=none asks receivers to deliver mail that fails DMARC as usual: it protects nothing, it only produces reports.");
    assertThat(f.remedy())
        .hasValue("Correct the record as dmarc.syntax shows; its published policy then applies.");
    Finding published = one(findings("v=DMARC1; p=none"), FindingId.DMARC_POLICY);
    assertThat(published.detail())
        .isEqualTo(
            "p=none asks receivers to deliver mail that fails DMARC as usual: it protects nothing, it only produces reports.");
  }

  @Test
  void onlyTheDomainThatPublishesPsdYIsToldItIsAPublicSuffix() {
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.example.com", "v=DMARC1; p=reject; psd=y")
            .a("mail.example.com", "192.0.2.1");
    Finding psd = one(findings(dns, "example.com"), FindingId.DMARC_PSD);
    assertThat(psd.status()).isEqualTo(Status.INFO);
    assertThat(psd.detail())
        .isEqualTo(
            "RFC 9989: its policy applies to registered names below it that publish none; example.com is not an organizational domain.");
    assertThat(of(findings(dns, "mail.example.com"), FindingId.DMARC_PSD)).isEmpty();
    assertThat(of(findings("v=DMARC1; p=reject; psd=n"), FindingId.DMARC_PSD)).isEmpty();
  }

  @Test
  void pctOfOneHundredBesideTestingIsNotCalledAPartialShare() {
    Finding f = one(findings("v=DMARC1; p=reject; t=y; pct=100"), FindingId.DMARC_TESTING);
    assertThat(f.detail())
        .isEqualTo(
            "t=y asks receivers to apply one step less (reject as quarantine, quarantine as none) (RFC 9989 §4.7).");
  }

  // --- removed, unknown and misplaced tags ---

  @Test
  void removedAndUnknownTagsAreListedEachInItsOwnFinding() {
    List<Finding> fs = findings("v=DMARC1; p=reject; pct=50; foo=bar");
    Finding removed = one(fs, FindingId.DMARC_REMOVED_TAGS);
    assertThat(removed.status()).isEqualTo(Status.WARN);
    assertThat(removed.title()).isEqualTo("Tags removed by RFC 9989: pct=50");
    assertThat(removed.detail())
        .isEqualTo(
            "pct is removed by RFC 9989 and ignored by its receivers (tag 3, at character 21)");
    assertThat(removed.remedy())
        .hasValue(
            "Remove pct=50 from the record; use t=y instead of pct<100 for a gradual rollout.");
    Finding unknown = one(fs, FindingId.DMARC_UNKNOWN_TAGS);
    assertThat(unknown.status()).isEqualTo(Status.INFO);
    assertThat(unknown.title()).isEqualTo("Unknown tags ignored: foo");
    assertThat(unknown.detail())
        .isEqualTo(
            "unknown tag \"foo\" is ignored (tag 4, at character 29)\nA typo here silently loses the intended setting.");
    assertThat(of(fs, FindingId.DMARC_TAG_ORDER)).isEmpty();
  }

  @Test
  void aRecordWithoutWarningsHasNoWarningFindings() {
    List<Finding> fs = findings("v=DMARC1; p=reject; foo=bar");
    assertThat(of(fs, FindingId.DMARC_REMOVED_TAGS)).isEmpty();
    assertThat(of(fs, FindingId.DMARC_TAG_ORDER)).isEmpty();
    assertThat(of(findings("v=DMARC1; p=reject; pct=50"), FindingId.DMARC_UNKNOWN_TAGS)).isEmpty();
  }

  @Test
  void aLatePolicyAndAMissingPolicyAreToldApart() {
    List<Finding> late = findings("v=DMARC1; rua=mailto:a@example.com; p=reject; foo=bar");
    assertThat(of(late, FindingId.DMARC_TAG_ORDER))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("p= is not the second tag");
              assertThat(f.detail())
                  .isEqualTo(
                      "\"p\" is not right after \"v\": RFC 9989 allows that, but RFC 7489 receivers expect it there (tag 3, at character 37)");
            });
    assertThat(of(findings("v=DMARC1; rua=mailto:a@example.com"), FindingId.DMARC_TAG_ORDER))
        .singleElement()
        .satisfies(f -> assertThat(f.title()).isEqualTo("No p= tag: read as p=none"));
  }

  // --- dmarc.present for records with policy errors ---

  @Test
  void anUnusableRecordNamesItsPolicyErrorOnly() {
    Finding f = one(findings("v=DMARC1; p=bogus; adkim=x"), FindingId.DMARC_PRESENT);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail())
        .isEqualTo(
            "p=bogus is not none, quarantine or reject (tag 2, at character 11), and rua= holds no valid report address. RFC 9989 §4.10.1 (and RFC 7489 §6.6.3): receivers then apply no DMARC processing, so example.com has no DMARC policy. See dmarc.syntax for the correction.");
  }

  @Test
  void aRecordReadAsNoneNamesItsPolicyError() {
    Finding f =
        one(
            findings("v=DMARC1; p=bogus; adkim=x; rua=mailto:a@example.com"),
            FindingId.DMARC_PRESENT);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.detail())
        .startsWith(
            "p=bogus is not none, quarantine or reject (tag 2, at character 11). Because rua= holds a valid report address");
  }

  @Test
  void anInheritedPolicyNamesTheDiscardedOwnRecord() {
    FakeDns dns =
        new FakeDns()
            .txt("_dmarc.sub.example.com", "p=reject; v=DMARC1")
            .txt("_dmarc.example.com", "v=DMARC1; p=reject");
    Finding f = one(findings(dns, "sub.example.com"), FindingId.DMARC_PRESENT);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.detail())
        .isEqualTo(
            "Receivers discard the TXT record at _dmarc.sub.example.com (see dmarc.syntax). sub.example.com has no record of its own; the record of example.com applies, with its sp= (and np= for names that do not exist).");
  }

  // --- dmarc.present when no record applies ---

  @Test
  void noRecordAndNoUsableRecordAreWordedApart() {
    Finding none = one(findings(new FakeDns(), "example.com"), FindingId.DMARC_PRESENT);
    assertThat(none.title()).isEqualTo("No DMARC record");
    assertThat(none.detail())
        .isEqualTo(
            "Neither _dmarc.example.com nor any parent on the RFC 9989 tree walk publishes a usable DMARC record: receivers apply no policy to mail forging this domain, and no reports are sent.");
    Finding discarded = one(findings("p=reject; v=DMARC1"), FindingId.DMARC_PRESENT);
    assertThat(discarded.title()).isEqualTo("No usable DMARC record");
    assertThat(discarded.detail())
        .isEqualTo(
            "Receivers discard the TXT record at _dmarc.example.com (v=DMARC1 is not its first tag; see dmarc.syntax). Neither _dmarc.example.com nor any parent on the RFC 9989 tree walk publishes a usable DMARC record: receivers apply no policy to mail forging this domain, and no reports are sent.");
    assertThat(discarded.remedy()).hasValue("Correct the record as dmarc.syntax shows.");
  }

  @Test
  void anUnansweredPublicSuffixLevelIsNotedWithoutItsParentheses() {
    Finding f =
        one(
            findings(new FakeDns().servfail("_dmarc.com", RecordType.TXT), "example.com"),
            FindingId.DMARC_PRESENT);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail())
        .endsWith(
            "and no reports are sent.\nNote: not answered at the public suffix level: _dmarc.com SERVFAIL.");
  }

  // --- dmarc.syntax ---

  @Test
  void eachErrorTitleNamesItsTagNumberAndTagWhenItHasThem() {
    assertThat(of(findings("v=DMARC1; p=reject; garbage"), FindingId.DMARC_SYNTAX))
        .extracting(Finding::title)
        .containsExactly("DMARC record error in tag 3");
    assertThat(of(findings("v=DMARC1; adkim=x"), FindingId.DMARC_SYNTAX))
        .extracting(Finding::title)
        .containsExactly("DMARC record error in tag 2 (adkim=)", "DMARC record error (p=)");
  }

  @Test
  void eachErrorSaysWhatItMeansForTheRecordAsAWhole() {
    // usable: the rest applies
    assertThat(consequences("v=DMARC1; p=reject; adkim=x"))
        .containsExactly(
            "Receivers ignore this part and use the default for it (RFC 9989 §4.8, RFC 7489 §6.3); the rest of the record applies, with p=reject.");
    // read as p=none: the policy error is the cause, other errors fall back to defaults
    assertThat(consequences("v=DMARC1; p=bogus; adkim=x; rua=mailto:a@example.com"))
        .containsExactly(
            "Because of this, and since rua= holds a valid report address, receivers act as if the record said p=none (RFC 9989 §4.10.1).",
            "Receivers ignore this part and use the default for it (RFC 9989 §4.8); the record applies as p=none because of its policy error.");
    // unusable: a broken rua= is why there is no fallback; other errors do not matter
    assertThat(consequences("v=DMARC1; p=bogus; rua=bogus; adkim=x"))
        .containsExactly(
            "With no valid report address in rua=, receivers apply no DMARC processing: the record gives no policy (RFC 9989 §4.10.1).",
            "This leaves rua= without a valid report address, so receivers cannot fall back to p=none: the record gives no policy (RFC 9989 §4.10.1).",
            "Receivers would ignore this part (RFC 9989 §4.8); the record is unusable anyway because of its policy error.");
    assertThat(consequences("v=DMARC1; adkim=x"))
        .containsExactly(
            "Receivers would ignore this part (RFC 9989 §4.8); the record is unusable anyway because of its policy error.",
            "With no valid report address in rua=, receivers apply no DMARC processing: the record gives no policy (RFC 9989 §4.10.1).");
  }

  private static List<String> consequences(String record) {
    return of(findings(record), FindingId.DMARC_SYNTAX).stream()
        .map(f -> f.detail().split("\n")[1])
        .toList();
  }

  @Test
  void theRemedyQuotesThePolicyErrorWhenNoCorrectionCanBeGuessed() {
    List<Finding> fs = of(findings("v=DMARC1; adkim=x; p=xyz"), FindingId.DMARC_SYNTAX);
    assertThat(fs).hasSize(2);
    assertThat(fs)
        .extracting(Finding::remedy)
        .containsOnly(
            Optional.of(
                "Set p= to none, quarantine or reject as intended (mailcheck cannot tell which from \"p=xyz is not none, quarantine or reject\"), and keep every other tag as published."));
  }

  @Test
  void theRemedyNamesAGuessedPolicy() {
    assertThat(one(findings("v=DMARC1; p=rejected"), FindingId.DMARC_SYNTAX).remedy())
        .hasValue(
            "Publish the record with only the broken parts corrected (p=rejected read as the intended p=reject): _dmarc.example.com. TXT \"v=DMARC1; p=reject\"");
    assertThat(one(findings("v=DMARC1; p=reject; adkim=x"), FindingId.DMARC_SYNTAX).remedy())
        .hasValue(
            "Publish the record with only the broken parts corrected: _dmarc.example.com. TXT \"v=DMARC1; p=reject\"");
  }

  /**
   * At most {@link Limits#DMARC_SYNTAX_FINDINGS} (10) syntax findings per record; the last one
   * counts the rest. Checked at the cap−1, the cap and two over it.
   */
  @ParameterizedTest(name = "{0} errors")
  @ValueSource(ints = {9, 10, 11, 12})
  void syntaxFindingsAreCappedAndTheLastCountsTheRest(int errors) {
    // the first adkim=x is an invalid value, every further one a duplicate tag: one error each
    String record = "v=DMARC1; p=reject" + "; adkim=x".repeat(errors);
    List<Finding> fs = of(findings(record), FindingId.DMARC_SYNTAX);
    int shown = Math.min(errors, Limits.DMARC_SYNTAX_FINDINGS);
    assertThat(Limits.DMARC_SYNTAX_FINDINGS).isEqualTo(10);
    assertThat(fs).hasSize(shown).allMatch(f -> f.status() == Status.FAIL);
    for (int i = 0; i < shown - 1; i++) assertThat(fs.get(i).detail()).doesNotContain("not listed");
    String last = fs.get(shown - 1).detail();
    if (errors == 11) assertThat(last).endsWith("\n1 more error is not listed.");
    else if (errors == 12) assertThat(last).endsWith("\n2 more errors are not listed.");
    else assertThat(last).doesNotContain("not listed");
  }

  /**
   * At most {@link Limits#DMARC_REPORT_DESTINATIONS} (10) external report destinations are looked
   * up; each one past the cap is said to be unchecked (issue 19: cap−1, cap, cap+1).
   */
  @ParameterizedTest(name = "{0} destinations over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void externalDestinationsLookedUpAtTheCap(int delta) {
    int n = Limits.DMARC_REPORT_DESTINATIONS + delta;
    StringBuilder rua = new StringBuilder();
    FakeDns dns = new FakeDns();
    for (int i = 1; i <= n; i++) {
      rua.append(i == 1 ? "" : ",").append("mailto:d@r").append(i).append(".example.net");
      dns.txt("example.com._report._dmarc.r" + i + ".example.net", "v=DMARC1");
    }
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=" + rua);
    List<Finding> auth = of(findings(dns, "example.com"), FindingId.DMARC_RUA_AUTHORIZED);
    int checked = Math.min(n, Limits.DMARC_REPORT_DESTINATIONS);
    assertThat(auth).hasSize(n);
    assertThat(auth.subList(0, checked)).allMatch(f -> f.status() == Status.PASS);
    assertThat(auth.subList(checked, n))
        .allSatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(Status.INFO);
              assertThat(f.title()).isEqualTo("Report destination not checked: r11.example.net");
              assertThat(f.detail())
                  .isEqualTo("More than 10 external destinations; the rest were not looked up.");
            });
    assertThat(dns.asked()).filteredOn(q -> q.name().contains("._report._dmarc.")).hasSize(checked);
  }
}
