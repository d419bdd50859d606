package dev.mailcheck.checks.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz target of {@link DmarcFuzzTest} found (issue 19), kept as named cases. */
class DmarcFuzzRegressionTest {
  @Test
  void aC1ControlCharacterInAReportAddressIsShownAsItsCodePoint() {
    DmarcRecord r = DmarcParser.parse("v=DMARC1; p=none; ruf=mailto:f@ex\u0083m.org");
    assertThat(r.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("\"mailto:f@exU+0083m.org\""))
        .allSatisfy(p -> assertThat(p.message()).doesNotContain("\u0083"));
  }

  @Test
  void aReportUriWithAControlCharacterIsNoReportAddress() {
    DmarcRecord r = DmarcParser.parse("v=DMARC1; p=none; rua=mc\u0086ilto:agg@example.org");
    assertThat(r.rua()).isEmpty();
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("U+0086"));
  }

  @Test
  void aControlCharacterInATagNameIsShownAsItsCodePoint() {
    DmarcRecord r = DmarcParser.parse("v=DMARC1; p=none; \u0001x=1");
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("U+0001x"));
  }
}
