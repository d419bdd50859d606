package dev.mailcheck.report.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Largest-remainder rounding of the category weights ({@link Scoring#apportion}), the part of the
 * score PIT showed no test pinned down (issue 19): ties go to the earlier category, and a sum over
 * the total is taken back from the smallest remainders, never below zero.
 */
class ScoringApportionTest {
  @ParameterizedTest(name = "{0} to {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''              | 5 | ''
          1.5 1.5         | 3 | 2 1
          0.2 0.3 0.5     | 1 | 0 0 1
          2.7 1.2 0.1     | 4 | 3 1 0
          2.7 1.2 0.1     | 5 | 3 2 0
          2.7 1.2 0.1     | 6 | 3 2 1
          0.4 0.4 0.2     | 1 | 1 0 0
          3.0 2.0         | 4 | 3 1
          0.0 3.0         | 2 | 0 2
          5.0 0.0         | 4 | 4 0
          1.0 1.0 1.0     | 1 | 1 0 0
          1.25 1.75       | 3 | 1 2
          1.2 0.7         | 2 | 1 1
          0.6 1.1 0.5     | 1 | 0 1 0
          """)
  void roundsToIntegersThatSumToTheTotal(String exact, int total, String expected) {
    double[] in =
        exact.isBlank()
            ? new double[0]
            : Arrays.stream(exact.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    int[] want =
        expected.isBlank()
            ? new int[0]
            : Arrays.stream(expected.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    assertThat(Scoring.apportion(in, total)).containsExactly(want);
  }
}
