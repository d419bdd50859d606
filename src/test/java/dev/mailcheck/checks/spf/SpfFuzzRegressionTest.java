package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link SpfFuzzTest} found (issue 19), kept as named cases. */
class SpfFuzzRegressionTest {
  @Test
  void aControlCharacterAsMacroLetterIsShownAsItsCodePoint() {
    assertThat(SpfMacros.check("%{ir}.%{v}._spf.%{\u00922}", true))
        .get()
        .asString()
        .isEqualTo("'U+0092' is not a macro letter");
  }
}
