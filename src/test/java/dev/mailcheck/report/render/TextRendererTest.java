package dev.mailcheck.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class TextRendererTest {
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> unsafeText() {
    return java.util.stream.Stream.of(
            new String[] {"plain text", "plain text"},
            new String[] {"tab\tkept", "tab\tkept"},
            new String[] {"esc\u001b[31m!", "esc\\x1b[31m!"},
            new String[] {"bell\u0007", "bell\\x07"},
            new String[] {"backspace\b", "backspace\\x08"},
            new String[] {"nul\u0000", "nul\\x00"},
            new String[] {"del\u007f", "del\\x7f"},
            new String[] {"c1 csi\u009b", "c1 csi\\x9b"},
            new String[] {"rtl\u202eoverride", "rtl\\u202eoverride"},
            new String[] {"isolate\u2066x\u2069", "isolate\\u2066x\\u2069"},
            new String[] {"line sep\u2028", "line sep\\u2028"},
            new String[] {"übung ünïcode 日本", "übung ünïcode 日本"})
        .map(a -> org.junit.jupiter.params.provider.Arguments.of(a[0], a[1]));
  }

  @ParameterizedTest(name = "{index}: {1}")
  @org.junit.jupiter.params.provider.MethodSource("unsafeText")
  void safeEscapesWhatCouldSteerATerminal(String in, String expected) {
    assertThat(TextRenderer.safe(in)).isEqualTo(expected);
  }

  @Test
  void dataWithALineFeedCannotForgeALineOfOutput() throws IOException {
    // A TXT record (or banner) carrying LF: shown on its own line, the LF escaped; never a new line
    // starting at the margin that reads like mailcheck's own "[PASS]".
    String txt = "v=spf1 -all\n[PASS] Everything is fine  (spf.all)";
    var finding =
        dev.mailcheck.report.Finding.of(
                dev.mailcheck.report.FindingId.of("spf.present"),
                dev.mailcheck.report.Status.FAIL,
                "t")
            .evidence(java.util.List.of(txt, "250 last line\r\n"))
            .build();
    var report =
        new dev.mailcheck.report.Report(
            "spf",
            "example.com",
            java.util.List.of(finding),
            java.util.List.of(
                new dev.mailcheck.report.view.SpfView(
                    "example.com",
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.of(txt),
                    0,
                    0,
                    java.util.Optional.empty(),
                    java.util.List.of())));
    StringWriter out = new StringWriter();
    new TextRenderer(false, false).render(report, out);
    assertThat(out.toString().lines())
        .contains("  record       v=spf1 -all\\x0a[PASS] Everything is fine  (spf.all)")
        .contains("      | v=spf1 -all\\x0a[PASS] Everything is fine  (spf.all)")
        .contains("      | 250 last line")
        .noneMatch(l -> l.startsWith("[PASS]"))
        .noneMatch(l -> l.strip().startsWith("[PASS] Everything"));
  }

  @Test
  void ptrFindingsSayTheyScoreWithMx() throws IOException {
    // weak.test showed "MX  75/100" over all-PASS MX findings; the FAIL that cost the points was
    // under "PTR".
    var score =
        new dev.mailcheck.report.Score(
            75,
            "C",
            java.util.Map.of(
                "mx",
                new dev.mailcheck.report.Score.CategoryScore(75, dev.mailcheck.report.Status.FAIL)),
            java.util.List.of(),
            java.util.List.of());
    var report =
        new dev.mailcheck.report.Report(
                "domain",
                "example.com",
                java.util.List.of(
                    dev.mailcheck.report.Finding.of(
                            dev.mailcheck.report.FindingId.of("mx.present"),
                            dev.mailcheck.report.Status.PASS,
                            "1 mail exchange")
                        .build(),
                    dev.mailcheck.report.Finding.of(
                            dev.mailcheck.report.FindingId.of("ptr.present"),
                            dev.mailcheck.report.Status.FAIL,
                            "No reverse DNS")
                        .build(),
                    dev.mailcheck.report.Finding.of(
                            dev.mailcheck.report.FindingId.of("ptr.matches-mx"),
                            dev.mailcheck.report.Status.INFO,
                            "Reverse name is the MX name")
                        .build()),
                java.util.List.of())
            .withScore(score);
    StringWriter out = new StringWriter();
    new TextRenderer(false, false).render(report, out);
    assertThat(out.toString().lines())
        .contains("MX  75/100 (with PTR)", "PTR  (scored with MX)")
        .containsSubsequence(
            "PROBLEMS", "  [FAIL] No reverse DNS  (ptr.present)", "MX  75/100 (with PTR)");
  }

  @Test
  void problemsComeFirstAndProseFitsEightyColumns() throws IOException {
    // issue 11 #18: the summary and the problems (fail, then warn) first, the raw data after;
    // prose wrapped at 80 columns, records to copy kept whole
    String record = "\"v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com; adkim=s; aspf=s\"";
    var warn =
        dev.mailcheck.report.Finding.of(
                dev.mailcheck.report.FindingId.of("dmarc.policy"),
                dev.mailcheck.report.Status.WARN,
                "DMARC policy is none")
            .detail("word ".repeat(40).strip())
            .remedy("Publish _dmarc.example.com. TXT " + record)
            .build();
    var fail =
        dev.mailcheck.report.Finding.of(
                dev.mailcheck.report.FindingId.of("spf.present"),
                dev.mailcheck.report.Status.FAIL,
                "No SPF record")
            .build();
    var pass =
        dev.mailcheck.report.Finding.of(
                dev.mailcheck.report.FindingId.of("mx.present"),
                dev.mailcheck.report.Status.PASS,
                "1 mail exchange")
            .build();
    var report =
        new dev.mailcheck.report.Report(
            "domain",
            "example.com",
            java.util.List.of(pass, warn, fail),
            java.util.List.of(ViewFixtures.mx()));
    StringWriter out = new StringWriter();
    new TextRenderer(false, false).render(report, out);
    var lines = out.toString().lines().toList();
    assertThat(lines.get(1)).isEqualTo("  1 failed, 1 warning");
    assertThat(lines)
        .containsSubsequence(
            "PROBLEMS",
            "  [FAIL] No SPF record  (spf.present)",
            "  [WARN] DMARC policy is none  (dmarc.policy)",
            "MX example.com",
            "  [PASS] 1 mail exchange  (mx.present)");
    assertThat(lines).filteredOn(l -> l.contains("word")).allMatch(l -> l.length() <= 80);
    assertThat(lines).anyMatch(l -> l.strip().equals(record));
  }

  @Test
  void undeterminedChecksSayTheResultIsIncomplete() throws IOException {
    // issue 11 #13: an error says it is an error and that the grade is incomplete
    var error =
        dev.mailcheck.report.Finding.of(
                dev.mailcheck.report.FindingId.of("dmarc.present"),
                dev.mailcheck.report.Status.ERROR,
                "Could not look up the DMARC record")
            .build();
    var report =
        new dev.mailcheck.report.Report(
                "domain", "example.com", java.util.List.of(error), java.util.List.of())
            .withScore(
                new dev.mailcheck.report.Score(
                    40, "F", java.util.Map.of(), java.util.List.of(), java.util.List.of()));
    StringWriter out = new StringWriter();
    new TextRenderer(false, false).render(report, out);
    assertThat(out.toString().lines().toList().get(1))
        .isEqualTo(
            "  1 could not be determined; the score is incomplete: what could not be determined counts as failed");
  }

  @Test
  void carriageReturnAndLineFeedAreEscapedToo() {
    assertThat(TextRenderer.safe("a\rb\nc")).isEqualTo("a\\x0db\\x0ac");
  }

  @Test
  void hostileTextNeverReachesTheTerminalRaw() throws IOException {
    for (boolean verbose : new boolean[] {false, true}) {
      StringWriter out = new StringWriter();
      new TextRenderer(false, verbose).render(RenderFixtures.hostile(), out);
      assertThat(out.toString())
          .doesNotContain(
              "\u001b", "\r", "\u0007", "\u0008", "\u009b", "\u202e", "\u2028", "\u007f");
    }
  }

  @Test
  void colourIsOnlyTheRenderersOwnSgrCodes() throws IOException {
    StringWriter out = new StringWriter();
    new TextRenderer(true, true).render(RenderFixtures.hostile(), out);
    // every ESC is followed by one of our codes: bold 1, dim 2, the five status colours, reset 0
    String[] parts = out.toString().split("\u001b", -1);
    assertThat(java.util.Arrays.asList(parts).subList(1, parts.length))
        .isNotEmpty()
        .allSatisfy(rest -> assertThat(rest).matches("(?s)\\[(0|1|2|31|32|33|35|36)m.*"));
    assertThat(out.toString()).contains("\\x1b[31mOK");
  }

  @Test
  void noColourMeansNoEscapeAtAll() throws IOException {
    StringWriter out = new StringWriter();
    new TextRenderer(false, true).render(RenderFixtures.everyStatus(), out);
    assertThat(out.toString()).doesNotContain("\u001b");
  }
}
