package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A message in memory reads as the same message streamed: the same header fields, end of the header
 * section, body and line-end conversion, whether the in-place path applies (CRLF only) or not (bare
 * LF or CR anywhere), with and without an mbox "From " line, an empty or unended header.
 */
class MessageInputInMemoryTest {
  private static final String[] PIECES = {
    "Subject: hi",
    "From: a@b.example",
    "From x",
    "From ",
    "\tfolded",
    " more",
    "\r\n",
    "\r\n",
    "\r\n\r\n",
    "\n",
    "\r",
    "body text",
    ":",
    "x",
    "\u00e9"
  };

  @Test
  void inMemoryReadsAsTheStreamReads() throws IOException {
    Random r = new Random(5322);
    int inPlace = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(n % 50 == 0 ? 400 : 14);
      for (int i = 0; i < len; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
      byte[] octets = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
      if (MessageInput.crlfOnly(octets)) inPlace++;
      MessageInput memory = MessageInput.read(octets);
      MessageInput stream = MessageInput.read(new ByteArrayInputStream(octets));
      String what = sb.toString().replace("\r", "\\r").replace("\n", "\\n");
      assertThat(memory.headers()).as(what).isEqualTo(stream.headers());
      assertThat(memory.headerEnded()).as(what).isEqualTo(stream.headerEnded());
      assertThat(memory.readBody()).as(what).isEqualTo(stream.readBody());
      assertThat(memory.lineEndingsConverted()).as(what).isEqualTo(stream.lineEndingsConverted());
    }
    assertThat(inPlace).as("messages that took the in-place path").isGreaterThan(2_000);
  }

  @Test
  void crlfOnlyMeansNoBareLineEnds() {
    assertThat(MessageInput.crlfOnly(bytes(""))).isTrue();
    assertThat(MessageInput.crlfOnly(bytes("a\r\nb\r\n\r\n"))).isTrue();
    assertThat(MessageInput.crlfOnly(bytes("a\nb"))).isFalse();
    assertThat(MessageInput.crlfOnly(bytes("a\r"))).isFalse();
    assertThat(MessageInput.crlfOnly(bytes("a\rb\r\n"))).isFalse();
    assertThat(MessageInput.crlfOnly(bytes("\r\n\n"))).isFalse();
  }

  @Test
  void aHeaderSectionOverTheLimitIsRefusedInMemoryToo() {
    String line = "X-Filler: " + "y".repeat(990) + "\r\n";
    byte[] big = bytes(line.repeat(Limits.MESSAGE_HEADER_BYTES / line.length() + 1) + "\r\nbody");
    assertThatThrownBy(() -> MessageInput.read(big))
        .isInstanceOf(MessageInput.HeaderTooLargeException.class);
    assertThatThrownBy(() -> MessageInput.read(new ByteArrayInputStream(big)))
        .isInstanceOf(MessageInput.HeaderTooLargeException.class);
    byte[] fits = bytes(line.repeat(Limits.MESSAGE_HEADER_BYTES / line.length() - 1) + "\r\nb");
    assertThat(catching(() -> MessageInput.read(fits).headerEnded())).isTrue();
  }

  private interface Io<T> {
    T get() throws IOException;
  }

  private static <T> T catching(Io<T> io) {
    try {
      return io.get();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
