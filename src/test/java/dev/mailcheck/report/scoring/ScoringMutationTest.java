package dev.mailcheck.report.scoring;

import static dev.mailcheck.report.scoring.ScoringTest.f;
import static dev.mailcheck.report.scoring.ScoringTest.good;
import static dev.mailcheck.report.scoring.ScoringTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the score's deductions say and how they add up: every point taken off is one deduction,
 * sorted by weight; a deduction names the finding's subject, the first of alike findings; a cap is
 * a deduction of exactly the points it takes; and the MX caps exclude each other. Written against
 * the PIT survivors in {@link Scoring} (issue 19).
 */
class ScoringMutationTest {
  private static int sum(Score s) {
    return s.deductions().stream().mapToInt(Score.Deduction::points).sum();
  }

  @Test
  void deductionsAddUpToTheLostPointsSortedByWeightWithTheirSubjects() {
    Score s =
        Scoring.score(
            with(
                good(),
                f("ptr.fcrdns", Status.WARN, "192.0.2.1"),
                f("smtp.starttls", Status.FAIL, "192.0.2.1"),
                f("dmarc.policy", Status.WARN)));
    assertThat(sum(s)).isEqualTo(100 - s.score());
    assertThat(s.deductions())
        .isSortedAccordingTo(
            Comparator.comparingInt(Score.Deduction::points)
                .reversed()
                .thenComparing(Score.Deduction::findingId));
    assertThat(s.deductions())
        .filteredOn(d -> d.findingId().equals("ptr.fcrdns"))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).endsWith("ptr.fcrdns warn [192.0.2.1]"));
    assertThat(s.deductions())
        .filteredOn(d -> d.findingId().equals("dmarc.policy"))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).endsWith("dmarc.policy warn"));
  }

  @Test
  void ofAlikeFindingsTheFirstNamesTheDeduction() {
    Score s =
        Scoring.score(
            with(
                good(),
                f("ptr.fcrdns", Status.WARN, "192.0.2.1"),
                f("ptr.fcrdns", Status.WARN, "192.0.2.2")));
    assertThat(s.deductions())
        .filteredOn(d -> d.findingId().equals("ptr.fcrdns"))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).endsWith("[192.0.2.1]"));
  }

  @Test
  void aCapIsADeductionOfThePointsItTakes() {
    Score s = Scoring.score(with(good(), f("mx.private-address", Status.FAIL)));
    assertThat(s.caps()).contains("no MX is reachable from the internet");
    assertThat(s.score()).isLessThanOrEqualTo(Scoring.CAP);
    assertThat(sum(s)).isEqualTo(100 - s.score());
  }

  @Test
  void noMxAcceptingMailIsTheCapWhenBothMxCapsApply() {
    List<Finding> fs =
        with(good(), f("mx.present", Status.FAIL), f("mx.private-address", Status.FAIL));
    List<String> caps = Scoring.caps(fs, java.util.Set.of());
    assertThat(caps)
        .contains("no MX accepts mail")
        .doesNotContain("no MX is reachable from the internet");
  }

  /**
   * No deduction of zero points, also when the score lands exactly on a cap (89 under a grade cap,
   * 96 with a failing check): a cap takes only what is above it. Searches the reports that one
   * cap-triggering finding plus up to two changed findings make, and requires both boundaries to be
   * among them, so the invariant is checked where it can break.
   */
  @Test
  void aScoreExactlyAtACapHasNoZeroPointCapDeduction() {
    List<Finding> base = with(good(), f("mx.private-address", Status.FAIL));
    List<Finding> changes = new java.util.ArrayList<>();
    for (Finding g : good()) {
      for (Status st : List.of(Status.WARN, Status.FAIL)) {
        changes.add(
            g.subject().isPresent() ? ScoringTest.f(g.id(), st, g.subject().get()) : f(g.id(), st));
      }
    }
    boolean atGradeCap = false;
    boolean atFailCap = false;
    for (int a = -1; a < changes.size(); a++) {
      for (int b = a; b < changes.size(); b++) {
        List<Finding> fs = a < 0 ? base : with(base, changes.get(a));
        if (b >= 0 && b != a) fs = with(fs, changes.get(b));
        for (List<Finding> report : List.of(fs, withoutCapTrigger(fs))) {
          Score s = Scoring.score(report);
          assertThat(s.deductions()).allSatisfy(d -> assertThat(d.points()).isPositive());
          assertThat(sum(s)).isEqualTo(100 - s.score());
          boolean capDeduction =
              s.deductions().stream().anyMatch(d -> d.findingId().equals("score.cap"));
          if (!capDeduction && !s.caps().isEmpty() && s.score() == Scoring.CAP) atGradeCap = true;
          if (!capDeduction && s.score() == Scoring.CAP_ANY_FAIL) atFailCap = true;
        }
      }
    }
    assertThat(atGradeCap).as("a report scoring exactly " + Scoring.CAP + " under a cap").isTrue();
    assertThat(atFailCap)
        .as("a report scoring exactly " + Scoring.CAP_ANY_FAIL + " with a failing check")
        .isTrue();
  }

  private static List<Finding> withoutCapTrigger(List<Finding> fs) {
    List<Finding> out = new java.util.ArrayList<>(fs);
    out.removeIf(x -> x.id().equals("mx.private-address"));
    return out;
  }
}
