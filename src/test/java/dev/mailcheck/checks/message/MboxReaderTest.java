package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxReaderTest {
  static List<String> messages(String mbox) throws IOException {
    var r = new MboxReader(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.ISO_8859_1)));
    List<String> out = new ArrayList<>();
    InputStream m;
    while ((m = r.next()) != null)
      out.add(new String(m.readAllBytes(), StandardCharsets.ISO_8859_1));
    return out;
  }

  @Test
  void splitsAtAFromLineAfterAnEmptyLine() throws IOException {
    var m =
        messages(
            "From a@x Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\nFrom here on, not a separator\n\n"
                + "From b@x Mon Jan  1 00:00:01 2024\r\nSubject: two\r\n\r\nbody two\r\n");
    assertThat(m).hasSize(2);
    assertThat(m.get(0)).startsWith("From a@x").contains("From here on, not a separator\n");
    assertThat(m.get(1)).startsWith("From b@x").endsWith("body two\r\n");
  }

  @Test
  void quotedFromLinesAreGivenBackAsSent() throws IOException {
    var m =
        messages(
            "From a@x Mon Jan  1 00:00:00 2024\nSubject: q\n\n>From the start\n>>From twice\n"
                + "> From a reply\n>Fromage\nx >From mid-line\n");
    assertThat(m)
        .singleElement()
        .isEqualTo(
            "From a@x Mon Jan  1 00:00:00 2024\nSubject: q\n\nFrom the start\n>From twice\n"
                + "> From a reply\n>Fromage\nx >From mid-line\n");
  }

  @Test
  void aQuotedFromAfterAnEmptyLineIsBodyNotASeparator() throws IOException {
    var m = messages("From a@x Mon Jan  1 2024\n\npara\n\n>From quoted\n");
    assertThat(m).singleElement().asString().endsWith("\n\nFrom quoted\n");
  }

  @Test
  void onlyWholeLinesAreUnquoted() {
    assertThat(MboxReader.isQuotedFromLine(">From x\n".getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
    assertThat(MboxReader.isQuotedFromLine("From x\n".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
    assertThat(MboxReader.isQuotedFromLine(">Fro".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }

  /**
   * At most {@link dev.mailcheck.checks.Limits#MBOX_MESSAGES} (10,000) messages are read from one
   * mbox (issue 19: cap−1, cap, cap+1). The rest are not read; only {@code message --all}'s help
   * says so.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {-1, 0, 1})
  void messagesReadAtTheCap(int delta) throws IOException {
    int cap = dev.mailcheck.checks.Limits.MBOX_MESSAGES;
    int n = cap + delta;
    String one = "From a@x Mon Jan  1 00:00:00 2024\nSubject: s\n\nb\n\n";
    assertThat(messages(one.repeat(n))).hasSize(Math.min(n, cap));
  }
}
