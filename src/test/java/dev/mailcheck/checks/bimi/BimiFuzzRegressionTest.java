package dev.mailcheck.checks.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link BimiFuzzTest} found (issue 19), kept as named cases. */
class BimiFuzzRegressionTest {
  @Test
  void aControlCharacterInTheLogoUrlIsShownAsItsCodePoint() {
    BimiRecord r = BimiRecord.parse("v=BIMI1; l=http://e\u0090.example/logo.svg");
    assertThat(r.problems())
        .anySatisfy(p -> assertThat(p).contains("U+0090"))
        .allSatisfy(p -> assertThat(p).doesNotContain("\u0090"));
  }
}
