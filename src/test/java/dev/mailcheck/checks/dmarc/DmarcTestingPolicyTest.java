package dev.mailcheck.checks.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.testing.TestChecks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A policy only partly applied (t=y, pct below 100): when it is said and what the remedy names
 * (issue 19: PIT survivors in {@link DmarcEvaluator}, pct at 99, 100 and 101 included).
 */
class DmarcTestingPolicyTest {
  private static Optional<Finding> testing(String record) {
    List<Finding> fs =
        TestChecks.run(Checks.DMARC, "example.com", new FakeDns().txt("_dmarc.example.com", record))
            .findings();
    return fs.stream().filter(f -> f.kind() == FindingId.DMARC_TESTING).findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v=DMARC1; p=reject                    | ''
          v=DMARC1; p=reject; pct=100           | ''
          v=DMARC1; p=reject; pct=99            | Remove pct=99 once you are confident.
          v=DMARC1; p=reject; t=y               | Remove t=y once you are confident.
          v=DMARC1; p=reject; t=n               | ''
          v=DMARC1; p=quarantine; t=y; pct=50   | Remove t=y and pct=50 once you are confident.
          """)
  void partlyAppliedPoliciesAreWarnedWithTheTagsToRemove(String record, String remedy) {
    Optional<Finding> f = testing(record);
    if (remedy.isEmpty()) {
      assertThat(f).isEmpty();
      return;
    }
    assertThat(f)
        .get()
        .satisfies(
            x -> {
              assertThat(x.status()).isEqualTo(Status.WARN);
              assertThat(x.remedy()).contains(remedy);
              assertThat(x.detail())
                  .contains(record.contains("t=y") ? "t=y asks receivers" : "pct=")
                  .endsWith(".");
            });
  }
}
