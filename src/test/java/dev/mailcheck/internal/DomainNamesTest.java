package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Example.COM.                  | example.com
          '  example.com  '             | example.com
          localhost                     | localhost
          mx1.example.test              | mx1.example.test
          123.example                   | 123.example
          bücher.de                     | xn--bcher-kva.de
          BÜCHER.DE                     | xn--bcher-kva.de
          faß.de                        | xn--fa-hia.de
          münchen.de                    | xn--mnchen-3ya.de
          xn--bcher-kva.de              | xn--bcher-kva.de
          XN--BCHER-KVA.DE              | xn--bcher-kva.de
          例え.テスト                      | xn--r8jz45g.xn--zckzah
          例え。テスト                      | xn--r8jz45g.xn--zckzah
          παράδειγμα.δοκιμή             | xn--hxajbheg2az3al.xn--jxalpdlp
          пример.испытание              | xn--e1afmkfd.xn--80akhbyknj4f
          """)
  void normalizes(String input, String expected) {
    assertThat(DomainNames.normalize(input)).isEqualTo(expected);
  }

  @Test
  void decomposedInputIsPutInNfcFirst() {
    assertThat(DomainNames.normalize("bu\u0308cher.de")).isEqualTo("xn--bcher-kva.de");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          exa mple.com       | label contains a space
          ''                 | empty
          '   '              | empty
          .                  | the root alone is not a domain name
          a..b               | empty label
          .a.com             | empty label
          example.com..      | empty label
          -a.com             | label '-a' starts with a hyphen
          a-.com             | label 'a-' ends with a hyphen
          ab--c.com          | label 'ab--c' has '--' in positions 3 and 4 but is not an xn-- A-label
          ex@mple.com        | label 'ex@mple' contains '@' (U+0040)
          exa_mple.com       | label 'exa_mple' contains '_' (U+005F)
          😀.com              | contains '😀' (U+1F600), a symbol, which IDNA 2008 disallows
          i❤.ws              | contains '❤' (U+2764), a symbol
          xn--ls8h.la        | A-label 'xn--ls8h' decodes to '💩'
          xn--a.com          | A-label 'xn--a' decodes to
          xn--bcher-.de      | ends with a hyphen
          xn--bcher-k!a.de   | contains '!' (U+0021)
          xn--abc.de         | A-label 'xn--abc' decodes to
          ｅｘａｍｐｌｅ.com      | which changes under NFKC case folding
          a·b.com            | 'a·b' contains '·' (U+00B7), a punctuation
          ́a.com             | starts with a combining mark
          ab‍c.com           | U+200D, an invisible format character
          """)
  void rejectsWithAOneLineReason(String input, String reason) {
    assertThatThrownBy(() -> DomainNames.normalize(input))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("'")
        .hasMessageContaining("is not a valid domain name: ")
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void messageQuotesTheInputAsTyped() {
    assertThatThrownBy(() -> DomainNames.normalize("exa mple.com"))
        .hasMessage("'exa mple.com' is not a valid domain name: label contains a space");
  }

  @Test
  void controlCharactersAreShownAsCodePoints() {
    assertThatThrownBy(() -> DomainNames.normalize("ex\u0007.com"))
        .hasMessage("'exU+0007.com' is not a valid domain name: label 'exU+0007' contains U+0007");
  }

  @Test
  void longLabelsAreCutInTheMessageAndOtherWhiteSpaceIsNamed() {
    String label = "a".repeat(300);
    assertThatThrownBy(() -> DomainNames.normalize(label + ".com"))
        .hasMessageEndingWith("label '" + "a".repeat(37) + "...' is 300 octets long, more than 63")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    assertThatThrownBy(() -> DomainNames.normalize("a\nb.com"))
        .hasMessage(
            "'aU+000Ab.com' is not a valid domain name: label contains white space (U+000A)");
    assertThatThrownBy(() -> DomainNames.normalize("a\tb.com"))
        .hasMessage(
            "'aU+0009b.com' is not a valid domain name: label contains white space (U+0009)");
    assertThatThrownBy(() -> DomainNames.normalize("a\u00a0b.com"))
        .hasMessageContaining("label contains white space (U+00A0)");
  }

  @Test
  void lengthLimits() {
    String l63 = "a".repeat(63);
    assertThat(DomainNames.normalize(l63 + ".com")).isEqualTo(l63 + ".com");
    assertThatThrownBy(() -> DomainNames.normalize("a".repeat(64) + ".com"))
        .hasMessageContaining("is 64 octets long, more than 63");
    String name253 = String.join(".", l63, l63, l63, "a".repeat(61));
    assertThat(name253).hasSize(253);
    assertThat(DomainNames.normalize(name253)).isEqualTo(name253);
    assertThat(DomainNames.normalize(name253 + ".")).isEqualTo(name253);
    assertThatThrownBy(() -> DomainNames.normalize(name253 + "a"))
        .hasMessageContaining("name is 254 octets long, more than 253");
    // The limit applies to the A-label: 60 characters here, but a longer A-label.
    assertThatThrownBy(() -> DomainNames.normalize("aü".repeat(30) + ".de"))
        .hasMessageContaining("as an A-label, more than 63");
  }

  @Test
  void underscoreOnlyInDnsNames() {
    assertThat(DomainNames.normalizeDnsName("_DMARC.Example.com")).isEqualTo("_dmarc.example.com");
    assertThat(DomainNames.normalizeDnsName("sel._domainkey.example.com"))
        .isEqualTo("sel._domainkey.example.com");
    assertThat(DomainNames.problem("_dmarc.example.com"))
        .hasValueSatisfying(m -> assertThat(m).contains("'_'"));
    assertThat(DomainNames.problem("example.com")).isEmpty();
  }

  @Test
  void aLabelThatDoesNotRoundTripIsRejected() {
    // The Punycode of the decomposed "u + combining diaeresis" decodes to a non-NFC label.
    String decomposed = "xn--" + Punycode.encode("bu\u0308cher");
    assertThat(decomposed).isNotEqualTo("xn--bcher-kva");
    assertThatThrownBy(() -> DomainNames.normalize(decomposed + ".de"))
        .hasMessageContaining("does not round-trip");
  }
}
