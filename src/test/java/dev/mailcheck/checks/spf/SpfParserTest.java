package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpfParserTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=spf1",
        "v=spf1 -all",
        "V=SPF1 +ALL",
        "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all",
        "v=spf1 a mx a:mail.example.com/24//64 mx/24 -all",
        "v=spf1 include:_spf.example.net ~all",
        "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
        "v=spf1 redirect=_spf.example.com",
        "v=spf1 -all exp=explain._spf.%{d}",
        "v=spf1 moo.cow-far_out=man:dog/cat -all",
        "v=spf1  ip4:192.0.2.1   -all ",
        "v=spf1 a:foo.example.com. -all",
        "v=spf1 ip4:0.0.0.0/0 -all",
      })
  void acceptsValidRecords(String text) {
    SpfRecord r = SpfParser.parse(text);
    assertThat(r.problems()).as(text).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> problem at {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v=spf1 ip4:192.0.2.1/33 -all|22|prefix length",
        "v=spf1 ip4:192.0.2 -all|12|not an IPv4",
        "v=spf1 ip4:192.0.2.01 -all|12|not an IPv4",
        "v=spf1 include -all|15|needs a domain",
        "v=spf1 redirect:example.com|8|modifier",
        "v=spf1 a:foo-bar -all|10|fully qualified",
        "v=spf1 a:example.123 -all|18|top-level label",
        "v=spf1 foo:bar -all|8|unknown mechanism",
        "v=spf1 -all redirect=a.example redirect=b.example|32|more than once",
        "v=spf1 exists:%{x}.example.com|15|not a macro letter",
        "v=spf1 exists:%{c}.example.com|15|only in exp",
        "v=spf1 exists:%{d0}.example.com|15|must not be 0",
        "v=spf1 exists:%{d.example.com|15|not closed",
        "v=spf1 a:%.example.com|10|not a macro",
        "v=spf1 all:foo|11|no argument",
        "v=spf1 ip4:192.0.2.1/032|22|prefix length",
        "v=spf1 ptr/24|11|no prefix",
        "v=spf1mx|1|does not start",
      })
  void reportsProblemWithPosition(String text, int position, String message) {
    SpfRecord r = SpfParser.parse(text);
    assertThat(r.valid()).isFalse();
    assertThat(r.problems().get(0).position()).as(r.problems().toString()).isEqualTo(position);
    assertThat(r.problems().get(0).message()).contains(message);
  }

  @org.junit.jupiter.api.Test
  void keepsGoingPastBadTermsAndCollectsEveryProblem() {
    SpfRecord r =
        SpfParser.parse("v=spf1 foo ip4:1.2.3.4 bar:x include:ok.example.com ip4:300.1.1.1 -all");
    assertThat(r.problems()).hasSize(3);
    assertThat(r.mechanisms())
        .extracting(SpfTerm.Mechanism::text)
        .containsExactly("ip4:1.2.3.4", "include:ok.example.com", "-all");
  }

  @org.junit.jupiter.api.Test
  void controlAndNonAsciiCharactersAreProblems() {
    assertThat(SpfParser.parse("v=spf1 a\tmx -all").problems().get(0).message())
        .contains("control character U+0009");
    assertThat(SpfParser.parse("v=spf1 a:ex\u00e4mple.com -all").problems().get(0).message())
        .contains("non-ASCII");
  }

  /** {@link Limits#SPF_PROBLEMS} problems kept, at cap−1, cap and cap+1 (issue 19). */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {-1, 0, 1})
  void problemsAtTheCap(int delta) {
    int n = Limits.SPF_PROBLEMS + delta;
    assertThat(SpfParser.parse("v=spf1" + " foo".repeat(n)).problems())
        .hasSize(Math.min(n, Limits.SPF_PROBLEMS));
  }

  @org.junit.jupiter.api.Test
  void problemsAreCapped() {
    String text = "v=spf1" + " foo".repeat(100);
    assertThat(SpfParser.parse(text).problems()).hasSize(Limits.SPF_PROBLEMS);
  }

  @ParameterizedTest
  @CsvSource({
    "v=spf1,true",
    "v=spf1 -all,true",
    "V=SPF1 a,true",
    "v=spf10 -all,false",
    "v=spf1-all,false",
    "spf1,false",
    "'',false"
  })
  void recognizesSpfRecords(String text, boolean spf) {
    assertThat(SpfParser.isSpf(text)).isEqualTo(spf);
  }

  /**
   * A domain-spec may be a macro-expand alone or end in one (RFC 7208 §7.1 domain-end): no "fully
   * qualified" or top-label problem for it, whatever precedes the last macro.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=spf1 include:%{d} -all",
        "v=spf1 exists:%{i}._spf.%{d} -all",
        "v=spf1 a:x.%{d}/24 -all",
        "v=spf1 redirect=%{o}",
        "v=spf1 exists:%{l}}.%{d} -all",
        "v=spf1 mx:mail.%%.%{d2} -all"
      })
  void aDomainSpecEndingInAMacroIsValid(String record) {
    assertThat(SpfParser.parse(record).problems()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aMacroBeforeTheTopLabelDoesNotEndTheDomainSpec() {
    // the last '}' closes a macro, but a label follows it: the top label "example" still counts
    assertThat(SpfParser.parse("v=spf1 include:%{d}.exa_mple -all").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("top-level label"));
  }
}
