package dev.mailcheck.checks.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SvgTinyPsTest {
  static final String OK_ROOT =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny-ps\" viewBox=\"0 0 10 10\">";

  static List<String> problems(String svg) {
    return SvgTinyPs.check(svg.getBytes(StandardCharsets.UTF_8)).problems();
  }

  @Test
  void aConformingLogoHasNoProblem() {
    var r = SvgTinyPs.check(MarkCertificates.logo());
    assertThat(r.problems()).isEmpty();
    assertThat(r.title()).isEqualTo("Example Brand");
    assertThat(r.baseProfile()).isEqualTo("tiny-ps");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 10 10"><title>x</title></svg> | baseProfile must be "tiny-ps"
          <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps" viewBox="0 0 10 20"><title>x</title></svg> | not square: 10 x 20
          <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps" viewBox="0 0 10 10"></svg>       | no <title>
          @ROOT@<title>x</title><script>alert(1)</script></svg>                                                           | <script> is not allowed
          @ROOT@<title>x</title><rect onclick="x()" width="1" height="1"/></svg>                                           | event handler onclick=
          @ROOT@<title>x</title><image href="https://evil.example/a.png" width="1" height="1"/></svg>                      | <image> is not allowed
          @ROOT@<title>x</title><use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://evil.example/s.svg#a"/></svg> | external reference https://evil.example/s.svg#a
          <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps" x="0" viewBox="0 0 10 10"><title>x</title></svg> | must not have x= or y=
          <html><title>x</title></html>                                                                                    | the root element is <html>
          @ROOT@<title>x</title><rect                                                                                      | not well-formed XML
          """)
  void profileViolations(String svg, String problem) {
    assertThat(problems(svg.replace("@ROOT@", OK_ROOT))).anyMatch(p -> p.contains(problem));
  }

  /** {@link Limits#SVG_DEPTH} levels are checked, one more is not (issue 19: cap−1, cap, cap+1). */
  @ParameterizedTest(name = "depth cap {0}")
  @ValueSource(ints = {-1, 0, 1})
  void nestingDepthCap(int delta) {
    int groups = Limits.SVG_DEPTH + delta - 1; // the root is level 1
    String svg =
        OK_ROOT + "<title>x</title>" + "<g>".repeat(groups) + "</g>".repeat(groups) + "</svg>";
    assertCapped(problems(svg), delta > 0);
  }

  /** {@link Limits#SVG_ELEMENTS} elements are checked, one more is not (cap−1, cap, cap+1). */
  @ParameterizedTest(name = "element cap {0}")
  @ValueSource(ints = {-1, 0, 1})
  void elementCountCap(int delta) {
    int rects = Limits.SVG_ELEMENTS + delta - 2; // the root and its title
    String svg =
        OK_ROOT + "<title>x</title>" + "<rect width=\"1\" height=\"1\"/>".repeat(rects) + "</svg>";
    assertCapped(problems(svg), delta > 0);
  }

  private static void assertCapped(List<String> problems, boolean over) {
    String capped = "more than 64 levels or 10000 elements: not checked further";
    // ten thousand elements are over the 32 KB BIMI recommends: that problem is not the cap's
    List<String> others = problems.stream().filter(p -> !p.endsWith("stay under")).toList();
    if (over) assertThat(others).containsExactly(capped);
    else assertThat(others).isEmpty();
  }

  @Test
  void aDoctypeIsRefusedUnreadAndNoEntityIsExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + OK_ROOT
            + "<title>&xxe;</title></svg>";
    var r = SvgTinyPs.check(xxe.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).anyMatch(p -> p.contains("DOCTYPE"));
    assertThat(r.title()).doesNotContain("root:");
  }

  @Test
  void billionLaughsDoesNotExpand() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
            + OK_ROOT
            + "<title>&lol2;</title></svg>";
    assertThat(SvgTinyPs.check(bomb.getBytes(StandardCharsets.UTF_8)).problems())
        .anyMatch(p -> p.contains("DOCTYPE"));
  }

  @Test
  void theEvidenceLogotypeHashIsReadAndComparedWithTheLogo() {
    byte[] logo = MarkCertificates.logo();
    String pem =
        MarkCertificates.pem(
            List.of("example.test"),
            logo,
            Instant.now().minusSeconds(86400),
            Instant.now().plusSeconds(86400 * 365));
    var e = Evidence.parse(pem.getBytes(StandardCharsets.US_ASCII)).orElseThrow();
    assertThat(e.problems()).isEmpty();
    assertThat(e.bimiUsage()).isTrue();
    assertThat(e.markType()).isEqualTo("Registered Mark");
    assertThat(e.hashAlgorithm()).isEqualTo("SHA-256");
    assertThat(e.embeddedLogo()).isEqualTo(logo);
    assertThat(e.hashMatches(logo)).isTrue();
    assertThat(e.hashMatches("<svg/>".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(Evidence.parse("not a certificate".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }
}
