package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link DomainNamesFuzzTest} found (issue 19), kept as named cases. */
class DomainNamesFuzzRegressionTest {
  @Test
  void anALabelDecodingToC1ControlsNamesThemByCodePointOnly() {
    assertThat(DomainNames.problem("xn--bce-xample"))
        .get()
        .asString()
        .contains("contains U+008D, which IDNA 2008 disallows")
        .doesNotContain("\u008d");
  }
}
