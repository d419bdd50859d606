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

  /**
   * RFC 6376 §3.4.2 removes WSP (SP and HTAB) around the value and unfolds CRLF, nothing more. VT,
   * FF and 0x1C-0x1F are value characters: String.strip() used to remove them, so a signature over
   * such a header (dkimpy keeps 0x1C-0x1F) failed.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // raw field (~ = CRLF, {xx} = that octet) | relaxed canonical form
        "`Subject: x{1f}~` | `subject:x{1f}~`",
        "`Subject:{1c} x ~` | `subject:{1c} x~`",
        "`Subject: \t x{0b}\t ~` | `subject:x{0b}~`",
        "`Subject: {0c}x{0c}~ \ty ~` | `subject:{0c}x{0c} y~`",
        "`SUBJECT \t: x~` | `subject:x~`",
        "`X-{c4}: x~` | `x-{c4}:x~`",
      })
  void relaxedHeaderRemovesOnlySpAndHtab(String raw, String canonical) {
    DkimMessage m = DkimMessage.parse(octets(raw + "~body~"));
    assertThat(m.headers()).hasSize(1);
    assertThat(Canonicalization.RELAXED.header(m.headers().get(0))).isEqualTo(text(canonical));
  }

  /**
   * RFC 6376 §3.7: the b= value "including all surrounding whitespace" is deleted, wherever b=
   * stands; bh= and the other tags stay exactly as written.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`v=1; bh=abc=; b=dGVz~\t dA==; x=1~` | `v=1; bh=abc=; b=; x=1`",
        "`v=1; bh=abc=; b=dGVzdA== \t~\t; x=1~` | `v=1; bh=abc=; b=; x=1`",
        "`v=1; b= \tdGVz~ dA==  ; bh=abc=~` | `v=1; b=; bh=abc=`",
        "`v=1; bh=abc=;~\tb=dGVzdA==  ~` | `v=1; bh=abc=;~\tb=`",
        "`v=1; bh=abc=; b=dGVzdA==;~` | `v=1; bh=abc=; b=;`",
        "`v=1; b =dGVz; bh=abc=~` | `v=1; b =; bh=abc=`",
        "`v=1;~ b~ =dGVz; bh=abc=~` | `v=1;~ b~ =; bh=abc=`",
        "`v=1; bh=abc=~` | `v=1; bh=abc=`",
      })
  void bValueAndItsSurroundingWhitespaceAreDeleted(String value, String expected) {
    assertThat(DkimVerifier.withoutB("DKIM-Signature: " + text(value)))
        .isEqualTo("DKIM-Signature: " + text(expected));
  }

  /** "~" is CRLF, "{hh}" the octet hh. */
  static String text(String s) {
    String t = s.replace("~", "\r\n");
    var m = java.util.regex.Pattern.compile("\\{([0-9a-f]{2})}").matcher(t);
    return m.replaceAll(r -> String.valueOf((char) Integer.parseInt(r.group(1), 16)));
  }

  static byte[] octets(String s) {
    return text(s).getBytes(StandardCharsets.ISO_8859_1);
  }
}
