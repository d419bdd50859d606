package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link DkimFuzzTest} found (issue 19), kept as named cases. */
class DkimFuzzRegressionTest {
  @Test
  void aKeyRecordTagNameWithANulIsQuotedWithoutTheRawControlCharacter() {
    DkimKey key = DkimKey.parse("v=DKIM1; \u0000s=email; p=");
    assertThat(key.problems())
        .anySatisfy(p -> assertThat(p).contains("invalid tag name \"U+0000s\""))
        .allSatisfy(p -> assertThat(p).doesNotContain("\u0000"));
  }

  @Test
  void aTabInsideABadTimestampIsShownAsItsCodePoint() {
    String raw = "DKIM-Signature: v=1; d=example.org; s=s1; x=1800\t1; b=; bh=\r\n";
    DkimSignature s = DkimSignature.parse(new DkimMessage.HeaderField("DKIM-Signature", raw));
    assertThat(s.error()).get().asString().doesNotContain("\t");
  }

  @Test
  void aSignatureTagNameWithANulIsQuotedWithoutTheRawControlCharacter() {
    String raw = "DKIM-Signature: v=1; d=example.org; s=s1; \u0000>=1; b=; bh=\r\n";
    DkimSignature s = DkimSignature.parse(new DkimMessage.HeaderField("DKIM-Signature", raw));
    assertThat(s.error()).get().asString().contains("U+0000>").doesNotContain("\u0000");
  }
}
