package dev.mailcheck.report.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocklist category of docs/scoring.md: weights, the unscored error, the cap. */
class BlocklistScoringTest {
  static Finding f(FindingId id, Status s) {
    return Finding.of(id, s, id.id()).build();
  }

  static final List<Finding> CLEAN =
      List.of(
          f(FindingId.MX_PRESENT, Status.PASS),
          f(FindingId.SPF_PRESENT, Status.PASS),
          f(FindingId.DMARC_PRESENT, Status.PASS),
          f(FindingId.DMARC_POLICY, Status.PASS));

  static List<Finding> plus(Finding... more) {
    List<Finding> all = new java.util.ArrayList<>(CLEAN);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void notListedIsAFullCategory() {
    Score s = Scoring.score(plus(f(FindingId.BLOCKLIST_LISTED, Status.PASS)));
    assertThat(s.categories()).containsKey("blocklist");
    assertThat(s.score()).isEqualTo(100);
  }

  @Test
  void errorsAreNotScoredSoAllErrorsLeaveTheCategoryOut() {
    Score s = Scoring.score(plus(f(FindingId.BLOCKLIST_ERROR, Status.ERROR)));
    assertThat(s.categories()).doesNotContainKey("blocklist");
    assertThat(s.score()).isEqualTo(100);
  }

  @Test
  void aHighImpactListingCostsTheCategoryAndCapsAtB() {
    Score s = Scoring.score(plus(f(FindingId.BLOCKLIST_LISTED, Status.FAIL)));
    assertThat(s.categories().get("blocklist").score()).isZero();
    assertThat(s.score()).isLessThanOrEqualTo(Scoring.CAP);
    assertThat(s.caps()).anyMatch(c -> c.startsWith("listed on a major blocklist"));
  }

  @Test
  void aListingCapsEvenWhenEverythingElseIsPerfect() {
    List<Finding> many = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) many.addAll(CLEAN);
    many.add(f(FindingId.BLOCKLIST_LISTED, Status.PASS));
    many.add(f(FindingId.BLOCKLIST_POLICY, Status.FAIL)); // a --ip sender in the PBL
    Score s = Scoring.score(many);
    assertThat(s.caps()).anyMatch(c -> c.startsWith("listed on a major blocklist"));
    assertThat(s.score()).isLessThanOrEqualTo(Scoring.CAP);
  }

  @Test
  void aPolicyListingOfAnMxAddressOnlyWarns() {
    Score s =
        Scoring.score(
            plus(
                f(FindingId.BLOCKLIST_LISTED, Status.PASS),
                f(FindingId.BLOCKLIST_POLICY, Status.WARN)));
    assertThat(s.categories().get("blocklist").score()).isEqualTo(83); // (4 + 2 x 1/2) / 6
    assertThat(s.caps()).isEmpty();
  }
}
