package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void anErrorAboutALongNameFullOfControlCharactersStaysShort() {
    // found by DomainNamesFuzzTest#domainName: 80 shown characters became 480 as U+XXXX
    String input = "\u0001".repeat(300) + ".example";
    assertThatThrownBy(() -> DomainNames.normalize(input))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400))
        .hasMessageContaining("U+0001")
        .hasMessageNotContaining("\u0001");
  }
}
