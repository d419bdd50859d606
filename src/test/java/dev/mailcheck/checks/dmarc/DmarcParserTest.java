package dev.mailcheck.checks.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcParserTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // record | valid | first problem kind | position (1-based) or 0
        "v=DMARC1; p=reject                          | true  | -              | 0",
        "v=DMARC1; p=none; rua=mailto:a@example.com  | true  | -              | 0",
        "v=DMARC1; p=foo                             | false | invalid-value  | 11",
        "v=DMARC1; p=reject; sp=x                    | false | invalid-value  | 21",
        "v=DMARC1; p=reject; rua=a@example.com       | false | invalid-uri    | 21",
        "v=DMARC1; p=reject; rua=mailto:a@example.com!5x | false | invalid-uri | 21",
        "v=DMARC1; p=reject; fo=1:2                  | false | invalid-value  | 21",
        "v=DMARC1; p=reject; p=none                  | false | syntax         | 21",
        "v=DMARC1; adkim=s                           | false | no-policy      | 18",
        "p=reject; v=DMARC1                          | false | not-dmarc      | 1",
        "v=DMARC1; p=reject; pct=50                  | true  | removed-tag    | 21",
        "v=DMARC1; p=reject; foo=bar                 | true  | unknown-tag    | 21",
        "v=DMARC1; sp=none; p=reject                 | true  | tag-order      | 20",
        "v=DMARC1; rua=mailto:a@example.com          | true  | no-policy      | 1",
        "v=DMARC1; p=reject; rua=https://example.com/r | true | uri-scheme    | 21",
      })
  void table(String text, boolean valid, String kind, int position) {
    DmarcRecord r = DmarcParser.parse(text);
    assertThat(r.valid()).as(r.problems().toString()).isEqualTo(valid);
    if (kind.equals("-")) {
      assertThat(r.problems()).isEmpty();
    } else {
      assertThat(r.problems()).isNotEmpty();
      assertThat(r.problems().get(0).kind()).isEqualTo(kind);
      assertThat(r.problems().get(0).position() + 1).isEqualTo(position);
    }
  }

  @Test
  void effectivePolicies() {
    DmarcRecord r = DmarcParser.parse("v=DMARC1; p=reject; sp=quarantine");
    assertThat(r.effectiveSp()).contains(Policy.QUARANTINE);
    assertThat(r.effectiveNp()).contains(Policy.QUARANTINE);
    DmarcRecord r2 = DmarcParser.parse("v=DMARC1; p=quarantine; np=reject");
    assertThat(r2.effectiveSp()).contains(Policy.QUARANTINE);
    assertThat(r2.effectiveNp()).contains(Policy.REJECT);
  }

  @Test
  void removedTagsKeepTheirRfc7489Values() {
    DmarcRecord r = DmarcParser.parse("v=DMARC1; p=reject; pct=20; rf=afrf; ri=3600");
    assertThat(r.pct()).hasValue(20);
    assertThat(r.ri()).hasValue(3600);
    assertThat(r.rf()).contains("afrf");
    assertThat(r.removedTags()).containsExactly("pct=20", "rf=afrf", "ri=3600");
    assertThat(DmarcParser.parse("v=DMARC1; p=reject; pct=150").warnings().get(0).message())
        .contains("RFC 7489 receivers reject it");
  }

  @Test
  void recognition() {
    assertThat(DmarcParser.isDmarc("v=DMARC1")).isTrue();
    assertThat(DmarcParser.isDmarc("V = DMARC1 ; p=none")).isTrue();
    assertThat(DmarcParser.isDmarc("v=DMARC1x; p=none")).isFalse();
    assertThat(DmarcParser.looksLikeDmarc("v=dmarc1; p=none")).isTrue();
    assertThat(DmarcParser.looksLikeDmarc(" v=DMARC1; p=none")).isTrue();
    assertThat(DmarcParser.looksLikeDmarc("v=spf1 -all")).isFalse();
  }

  @Test
  void reportUriSizeAndDomain() {
    var ok = (ReportUri.Ok) ReportUri.parse(" mailto:Reports@Example.COM!10m ");
    assertThat(ok.uri().domain()).isEqualTo("example.com");
    assertThat(ok.uri().address()).isEqualTo("Reports@Example.COM");
    assertThat(ok.uri().sizeLimit()).contains("10m");
    assertThat(ReportUri.parse("mailto:nobody")).isInstanceOf(ReportUri.Bad.class);
  }
}
