package dev.mailcheck.report.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {
  static Finding f(String id, Status s) {
    return Finding.of(dev.mailcheck.report.FindingId.of(id), s, id + " " + s.token()).build();
  }

  static Finding f(String id, Status s, String subject) {
    return Finding.of(dev.mailcheck.report.FindingId.of(id), s, id + " " + s.token())
        .subject(subject)
        .build();
  }

  /** A domain with every category passing. */
  static List<Finding> good() {
    return new ArrayList<>(
        List.of(
            f("mx.present", Status.PASS),
            f("mx.resolvable", Status.PASS),
            f("ptr.present", Status.PASS, "192.0.2.1"),
            f("ptr.fcrdns", Status.PASS, "192.0.2.1"),
            f("smtp.connect", Status.PASS, "192.0.2.1"),
            f("smtp.starttls", Status.PASS, "192.0.2.1"),
            f("spf.present", Status.PASS),
            f("spf.all", Status.PASS),
            f("dkim.selector", Status.PASS),
            f("dmarc.present", Status.PASS),
            f("dmarc.syntax", Status.PASS, "_dmarc.example.com"),
            f("dmarc.policy", Status.PASS)));
  }

  static List<Finding> with(List<Finding> base, Finding... replace) {
    List<Finding> out = new ArrayList<>(base);
    for (Finding r : replace) {
      out.removeIf(x -> x.id().equals(r.id()) && x.subject().equals(r.subject()));
      out.add(r);
    }
    return out;
  }

  @Test
  void everythingPassingIsAPlusWithoutDeductions() {
    Score s = Scoring.score(good());
    assertThat(s.score()).isEqualTo(100);
    assertThat(s.grade()).isEqualTo("A+");
    assertThat(s.deductions()).isEmpty();
    assertThat(s.categories()).containsOnlyKeys("mx", "smtp", "spf", "dkim", "dmarc");
  }

  @Test
  void policyNoneIsExplained() {
    // DMARC: present 4 + syntax 3 + policy 5 = 12 possible; p=none earns nothing -> 58.3; one fifth
    // of 41.7 = 8.3
    Score s =
        Scoring.score(
            with(
                good(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("dmarc.policy"),
                        Status.WARN,
                        "DMARC policy is none: monitoring only")
                    .build()));
    assertThat(s.score()).isEqualTo(92);
    assertThat(s.grade()).isEqualTo("A");
    assertThat(s.categories().get("dmarc").score()).isEqualTo(58);
    assertThat(s.deductions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.points()).isEqualTo(8);
              assertThat(d.findingId()).isEqualTo("dmarc.policy");
              assertThat(d.reason()).isEqualTo("DMARC: DMARC policy is none: monitoring only");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "dmarc.present, FAIL, no usable DMARC record",
    "spf.syntax, FAIL, SPF permerror",
    "spf.include-missing, FAIL, SPF permerror",
    "mx.present, FAIL, no MX accepts mail",
  })
  void capsKeepTheGradeAtB(String id, Status status, String cap) {
    List<Finding> findings = with(good(), f(id, status));
    if (id.equals("dmarc.present"))
      findings.removeIf(x -> x.id().equals("dmarc.policy") || x.id().equals("dmarc.syntax"));
    Score s = Scoring.score(findings);
    assertThat(s.caps()).contains(cap);
    assertThat(s.score()).isLessThanOrEqualTo(89);
    assertThat(s.grade()).isIn("B", "C", "D", "E", "F");
  }

  @Test
  void unusableDmarcRecordCapsLikeNone() {
    // issue 11 #14: receivers ignore an unusable record, so it scores like having none
    List<Finding> findings =
        with(
            good(),
            f("dmarc.syntax", Status.FAIL, "_dmarc.example.com"),
            f("dmarc.present", Status.FAIL));
    findings.removeIf(x -> x.id().equals("dmarc.policy"));
    Score s = Scoring.score(findings);
    assertThat(s.caps()).containsExactly("no usable DMARC record");
    assertThat(s.score()).isLessThanOrEqualTo(89);
    assertThat(s.deductions())
        .extracting(Score.Deduction::findingId)
        .contains("dmarc.syntax", "dmarc.present");
  }

  @Test
  void aBadOptionalTagInAUsableRecordDoesNotCapAtB() {
    // RFC 7489 §6.3: a bad adkim= falls back to its default while p= applies
    Score s = Scoring.score(with(good(), f("dmarc.syntax", Status.FAIL, "_dmarc.example.com")));
    assertThat(s.caps()).doesNotContain("no usable DMARC record");
    assertThat(s.grade()).isEqualTo("A");
  }

  @Test
  void anyFailingCheckRulesOutAPlus() {
    Score s = Scoring.score(with(good(), f("dmarc.rua-authorized", Status.FAIL)));
    assertThat(s.score()).isEqualTo(96);
    assertThat(s.grade()).isEqualTo("A");
    assertThat(s.caps()).anySatisfy(c -> assertThat(c).contains("dmarc.rua-authorized"));
    assertThat(s.deductions()).anySatisfy(d -> assertThat(d.findingId()).isEqualTo("score.cap"));
    assertThat(s.deductions().stream().mapToInt(Score.Deduction::points).sum())
        .isEqualTo(100 - s.score());

    // a warning alone does not: A+ stays reachable with hygiene warnings
    Score w = Scoring.score(with(good(), f("dmarc.rua-authorized", Status.WARN)));
    assertThat(w.caps()).isEmpty();
    assertThat(w.grade()).isEqualTo("A+");
  }

  @Test
  void infoNeverMovesTheScore() {
    List<Finding> findings = good();
    findings.add(f("mx.same-preference", Status.INFO));
    findings.add(f("dmarc.alignment", Status.INFO));
    findings.add(f("ptr.matches-mx", Status.INFO, "192.0.2.1"));
    Score a = Scoring.score(findings);
    Score b = Scoring.score(good());
    assertThat(a.score()).isEqualTo(b.score());
    assertThat(a.deductions()).isEqualTo(b.deductions());
    a.categories()
        .forEach((k, v) -> assertThat(v.score()).isEqualTo(b.categories().get(k).score()));
  }

  @Test
  void portTwentyFiveCertificateInformsOnly() {
    List<Finding> findings = good();
    findings.add(f("smtp.certificate", Status.WARN, "192.0.2.1"));
    findings.add(f("smtp.certificate-name", Status.FAIL, "192.0.2.1"));
    Score s = Scoring.score(findings);
    assertThat(s.score()).isEqualTo(100);
    assertThat(s.categories().get("smtp").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void warnEarnsHalfExceptForPolicyNone() {
    // SPF: present 4 + all 3 = 7; ?all (warn) loses 1.5 -> 78.6; overall -4.3
    Score s = Scoring.score(with(good(), f("spf.all", Status.WARN)));
    assertThat(s.categories().get("spf").score()).isEqualTo(79);
    assertThat(s.score()).isEqualTo(96);
  }

  @Test
  void categoryWithOnlyInfoIsNotScored() {
    List<Finding> findings = good();
    findings.removeIf(x -> x.category().equals("dkim"));
    findings.add(f("dkim.selector", Status.INFO));
    Score s = Scoring.score(findings);
    assertThat(s.categories()).doesNotContainKey("dkim");
    assertThat(s.score()).isEqualTo(100);
  }

  @Test
  void worstAddressCounts() {
    List<Finding> one = with(good(), f("ptr.fcrdns", Status.FAIL, "192.0.2.2"));
    List<Finding> only = with(good(), f("ptr.fcrdns", Status.FAIL, "192.0.2.1"));
    assertThat(Scoring.score(one).score()).isEqualTo(Scoring.score(only).score()).isLessThan(100);
  }

  @Test
  void deductionsAddUpAndOrderDoesNotMatter() {
    List<Finding> findings =
        with(
            good(),
            f("dmarc.policy", Status.WARN),
            f("spf.all", Status.WARN),
            f("ptr.fcrdns", Status.FAIL, "192.0.2.1"),
            f("smtp.starttls", Status.ERROR, "192.0.2.1"),
            f("dkim.key-strength", Status.WARN));
    Score s = Scoring.score(findings);
    assertThat(s.deductions().stream().mapToInt(Score.Deduction::points).sum())
        .isEqualTo(100 - s.score());
    for (int seed = 0; seed < 5; seed++) {
      List<Finding> shuffled = new ArrayList<>(findings);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(Scoring.score(shuffled)).isEqualTo(s);
    }
  }

  @Test
  void categoriesWithoutScoredChecksAreLeftOut() {
    List<Finding> findings = good();
    findings.removeIf(x -> x.category().equals("smtp"));
    findings.add(f("domain.port25-blocked", Status.INFO));
    assertThat(Scoring.score(findings).categories()).doesNotContainKey("smtp");
    assertThat(Scoring.score(good(), Set.of("smtp")).categories()).doesNotContainKey("smtp");
    assertThat(Scoring.score(List.of()).grade()).isEqualTo("F");
  }

  @ParameterizedTest
  @CsvSource({
    "100, A+", "97, A+", "96, A", "90, A", "89, B", "80, B", "79, C", "70, C", "69, D", "60, D",
    "59, E", "50, E", "49, F", "0, F"
  })
  void grades(int score, String grade) {
    assertThat(Scoring.grade(score)).isEqualTo(grade);
  }

  @Test
  void apportionKeepsTheTotal() {
    assertThat(Scoring.apportion(new double[] {1.4, 1.4, 1.2}, 4)).containsExactly(2, 1, 1);
    assertThat(Scoring.apportion(new double[] {0.3, 0.3, 0.3}, 1)).containsExactly(1, 0, 0);
    assertThat(Scoring.apportion(new double[] {}, 0)).isEmpty();
  }
}
