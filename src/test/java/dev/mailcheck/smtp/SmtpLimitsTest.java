package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SMTP reader's caps at cap−1, cap and cap+1 (issue 19): reply line length ({@link
 * Limits#REPLY_LINE} octets before CRLF), lines per reply ({@link Limits#REPLY_LINES}), octets per
 * reply ({@link Limits#REPLY_BYTES}, CRLFs counted), and the transcript's line count and width.
 */
class SmtpLimitsTest {
  private static Reply read(String wire) throws Exception {
    try (Socket s = new Socket()) {
      return new ReplyReader(
              new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)),
              s,
              new Transcript())
          .read(Phase.BANNER, System.nanoTime() + 5_000_000_000L);
    }
  }

  private static Failure.Kind failure(String wire) {
    try {
      read(wire);
      return null;
    } catch (ProbeException e) {
      return e.failure().kind();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void replyLineLength(int delta) throws Exception {
    String line = "220 " + "x".repeat(Limits.REPLY_LINE - 4 + delta);
    String wire = line + "\r\n";
    if (delta <= 0) assertThat(read(wire).lines().get(0)).hasSize(line.length() - 4);
    else assertThat(failure(wire)).isEqualTo(Failure.Kind.LINE_TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void linesPerReply(int delta) throws Exception {
    int n = Limits.REPLY_LINES + delta;
    String wire = "250-x\r\n".repeat(n - 1) + "250 end\r\n";
    if (delta <= 0) assertThat(read(wire).lines()).hasSize(n);
    else assertThat(failure(wire)).isEqualTo(Failure.Kind.REPLY_TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void octetsPerReply(int delta) throws Exception {
    int total = Limits.REPLY_BYTES + delta;
    String nine = ("250-" + "y".repeat(6996) + "\r\n").repeat(9); // 9 × 7002 octets
    int lastRaw = total - nine.length() - 2;
    String wire = nine + "250 " + "z".repeat(lastRaw - 4) + "\r\n";
    assertThat(wire).hasSize(total);
    if (delta <= 0) assertThat(read(wire).lines()).hasSize(10);
    else assertThat(failure(wire)).isEqualTo(Failure.Kind.REPLY_TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void transcriptLines(int delta) {
    var t = new Transcript();
    int n = Limits.TRANSCRIPT_LINES + delta;
    for (int i = 0; i < n; i++) t.note("line " + i);
    if (delta <= 0) assertThat(t.lines()).hasSize(n);
    else
      assertThat(t.lines())
          .hasSize(Limits.TRANSCRIPT_LINES + 1)
          .last()
          .isEqualTo("* ... 1 more lines not recorded");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void transcriptLineWidth(int delta) {
    var t = new Transcript();
    String note = "n".repeat(Limits.TRANSCRIPT_LINE_CHARS - 2 + delta); // "* " + note
    t.note(note);
    String shown = t.lines().get(0);
    if (delta <= 0) assertThat(shown).isEqualTo("* " + note);
    else
      assertThat(shown)
          .startsWith("* " + note.substring(0, Limits.TRANSCRIPT_LINE_CHARS - 2))
          .endsWith("... (" + (Limits.TRANSCRIPT_LINE_CHARS + 1) + " chars)");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void noLineEndAtAll(int delta) {
    // raw octets before a line end: MAX_LINE and room for the CR of a CRLF; at the cap the reader
    // waits for more and finds the connection closed, past it the line is refused
    String wire = "220 " + "x".repeat(Limits.REPLY_LINE + 1 - 4 + delta);
    Failure.Kind k = failure(wire);
    assertThat(k).isEqualTo(delta <= 0 ? Failure.Kind.CLOSED : Failure.Kind.LINE_TOO_LONG);
    assertThatThrownBy(() -> read("")).isInstanceOf(ProbeException.class);
  }
}
