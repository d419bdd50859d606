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
        "p=reject; v=DMARC1                          | false | not-dmarc      | 11",
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

  /**
   * Linter verdict (valid) and receiver verdict (usability) kept apart: RFC 9989 §4.8 (errors
   * outside p/sp/np fall back to defaults), §4.10.1 (p missing or invalid, sp or np invalid: p=none
   * with a valid rua, else no policy), §4.7 (v=DMARC1 first, exact).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=DMARC1; p=reject                                       | true  | USABLE       | reject",
        "V = DMARC1 ;	p=reject                                   | true  | USABLE       | reject",
        "v=DMARC1; p=reject; adkim=x                              | false | USABLE       | reject",
        "v=DMARC1; p=reject; aspf=relaxed                         | false | USABLE       | reject",
        "v=DMARC1; p=reject; fo=2                                 | false | USABLE       | reject",
        "v=DMARC1; p=reject; psd=x                                | false | USABLE       | reject",
        "v=DMARC1; p=reject; t=maybe                              | false | USABLE       | reject",
        "v=DMARC1; p=reject; rua=dmarc@example.com                | false | USABLE       | reject",
        "v=DMARC1; p=reject; rua=mailto:a@example.com!5x          | false | USABLE       | reject",
        "v=DMARC1; p=reject; ruf=                                 | false | USABLE       | reject",
        "v=DMARC1; p=reject;; adkim=s                             | false | USABLE       | reject",
        "v=DMARC1; p=reject; tagonly                              | false | USABLE       | reject",
        "v=DMARC1; p=reject; 1x=y                                 | false | USABLE       | reject",
        "v=DMARC1; p=reject; p=none                               | false | USABLE       | reject",
        "v=DMARC1; p=reject; rf=x; ri=y; pct=z                    | true  | USABLE       | reject",
        "v=DMARC1; rua=mailto:a@example.com                       | true  | READ_AS_NONE | none",
        "v=DMARC1; p=rejected; rua=mailto:a@example.com           | false | READ_AS_NONE | none",
        "v=DMARC1; p=reject; sp=x; rua=mailto:a@example.com       | false | READ_AS_NONE | none",
        "v=DMARC1; p=reject; np=x; rua=x,mailto:a@example.com     | false | READ_AS_NONE | none",
        "v=DMARC1; p=rejected                                     | false | UNUSABLE     | -",
        "v=DMARC1; p=reject; np=maybe                             | false | UNUSABLE     | -",
        "v=DMARC1; p=rejected; adkim=x; rua=dmarc@broken.test     | false | UNUSABLE     | -",
        "v=DMARC1; adkim=s                                        | false | UNUSABLE     | -",
        "p=reject; v=DMARC1                                       | false | UNUSABLE     | -",
        "v=dmarc1; p=reject                                       | false | UNUSABLE     | -",
        "' v=DMARC1; p=reject'                                    | false | UNUSABLE     | -",
      })
  void usability(String text, boolean valid, DmarcRecord.Usability usability, String p) {
    DmarcRecord r = DmarcParser.parse(text);
    assertThat(r.valid()).as(r.problems().toString()).isEqualTo(valid);
    assertThat(r.usability()).as(r.problems().toString()).isEqualTo(usability);
    assertThat(r.usable()).isEqualTo(usability != DmarcRecord.Usability.UNUSABLE);
    assertThat(r.p().map(Policy::token).orElse("-")).isEqualTo(p);
  }

  @Test
  void badOptionalTagFallsBackToItsDefaultAndIsPositioned() {
    DmarcRecord r = DmarcParser.parse("v=DMARC1; p=reject; adkim=x; aspf=s;; fo=9");
    assertThat(r.adkim()).isEqualTo(Alignment.RELAXED);
    assertThat(r.aspf()).isEqualTo(Alignment.STRICT);
    assertThat(r.fo()).containsExactly("0");
    assertThat(r.errors())
        .extracting(e -> e.term() + " " + (e.position() + 1) + " " + e.tag() + " " + e.kind())
        .containsExactlyInAnyOrder(
            "3 21 adkim invalid-value", "5 37  syntax", "6 39 fo invalid-value");
    assertThat(r.errors().get(1).toString())
        .contains("adkim=x")
        .contains("default adkim=r")
        .contains("tag 3, at character 21");
  }

  @Test
  void versionNotFirstIsSeenAsMeantForDmarc() {
    assertThat(DmarcParser.looksLikeDmarc("p=reject; v=DMARC1")).isTrue();
    assertThat(DmarcParser.looksLikeDmarc("p=none; V = dmarc1; rua=mailto:a@example.com")).isTrue();
    assertThat(DmarcParser.looksLikeDmarc("p=quarantine; rua=mailto:a@example.com")).isTrue();
    assertThat(DmarcParser.looksLikeDmarc("v=spf1 -all")).isFalse();
    assertThat(DmarcParser.looksLikeDmarc("google-site-verification=abc")).isFalse();
    DmarcRecord r = DmarcParser.parse("p=reject; rua=mailto:a@example.com; v=DMARC1");
    assertThat(r.errors().get(0).term()).isEqualTo(3);
    assertThat(r.errors().get(0).message())
        .contains("\"v=DMARC1\" is tag 3")
        .contains("sets no policy");
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
