package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalizationTest {
  /** RFC 6376 §3.4.5 examples. */
  @Test
  void rfc6376Examples() {
    DkimMessage m =
        DkimMessage.parse(
            "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(m.headers()).hasSize(2);
    assertThat(
            Canonicalization.RELAXED.header(m.headers().get(0))
                + Canonicalization.RELAXED.header(m.headers().get(1)))
        .isEqualTo("a:X\r\nb:Y Z\r\n");
    assertThat(Canonicalization.SIMPLE.header(m.headers().get(1)))
        .isEqualTo("B : Y\t\r\n\tZ  \r\n");
    assertThat(Canonicalization.RELAXED.body(m.body())).isEqualTo(" C\r\nD E\r\n");
    assertThat(Canonicalization.SIMPLE.body(m.body())).isEqualTo(" C \r\nD \t E\r\n");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // body | simple | relaxed  (\n written as ~)
        "`` | ~ | ``",
        "`~~~` | ~ | ``",
        "`abc` | abc~ | abc~",
        "`a  b \t~~` | a  b \t~ | a b~",
        "`~x~` | ~x~ | ~x~",
      })
  void bodyEdgeCases(String body, String simple, String relaxed) {
    String b = body == null ? "" : body.replace("~", "\r\n");
    assertThat(Canonicalization.SIMPLE.body(b)).isEqualTo(simple.replace("~", "\r\n"));
    assertThat(Canonicalization.RELAXED.body(b))
        .isEqualTo(relaxed == null ? "" : relaxed.replace("~", "\r\n"));
  }

  @Test
  void lfOnlyInputBecomesCrlfAndIsFlagged() {
    DkimMessage m =
        DkimMessage.parse(
            "From: a@b.c\nSubject: x\n folded\n\nbody\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(m.lineEndingsConverted()).isTrue();
    assertThat(m.headers().get(1).raw()).isEqualTo("Subject: x\r\n folded\r\n");
    assertThat(m.body()).isEqualTo("body\r\n");
    assertThat(
            DkimMessage.parse("From: a\r\n\r\nb\r\n".getBytes(StandardCharsets.ISO_8859_1))
                .lineEndingsConverted())
        .isFalse();
  }

  @Test
  void bValueIsRemovedButBhKept() {
    String raw = "DKIM-Signature: v=1; bh=abc=; b=dGVz\r\n\t dA==; x=1\r\n";
    assertThat(DkimVerifier.withoutB(raw)).isEqualTo("DKIM-Signature: v=1; bh=abc=; b=; x=1");
  }
}
