package dev.mailcheck.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextRendererTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          plain text                   | plain text
          tab\tkept                    | tab\tkept
          esc\u001b[31m!               | esc\\x1b[31m!
          bell\u0007!                  | bell\\x07!
          backspace\u0008!             | backspace\\x08!
          nul\u0000!                   | nul\\x00!
          del\u007f!                   | del\\x7f!
          c1 csi\u009b!                | c1 csi\\x9b!
          rtl\u202eoverride            | rtl\\u202eoverride
          isolate\u2066x\u2069!        | isolate\\u2066x\\u2069!
          line sep\u2028!              | line sep\\u2028!
          übung ünïcode 日本           | übung ünïcode 日本
          """)
  void safeEscapesWhatCouldSteerATerminal(String in, String expected) {
    assertThat(TextRenderer.safe(in)).isEqualTo(expected);
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
      assertThat(out.toString()).doesNotContain("\u001b", "\r", "\u0007", "\u0008", "\u009b", "\u202e", "\u2028", "\u007f");
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
