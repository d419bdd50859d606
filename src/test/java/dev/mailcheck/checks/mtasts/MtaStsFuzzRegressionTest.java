package dev.mailcheck.checks.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link MtaStsFuzzTest} found (issue 19), kept as named cases. */
class MtaStsFuzzRegressionTest {
  @Test
  void anEmptyRecordPlacesItsMissingFieldProblemsAtPositionOneNotZero() {
    assertThat(StsRecord.parse("").problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.position()).isEqualTo(1));
    assertThat(TlsRptRecord.parse("").problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.position()).isEqualTo(1));
  }
}
