package dev.mailcheck.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads complete replies with a deadline and size caps. The deadline covers the whole reply, not
 * each read: before every read the socket timeout is set to what is left, so a server that drips
 * one byte a second or sends {@code 250-} lines forever is cut off at the deadline.
 *
 * <p>Lines end with CRLF; a bare LF is accepted (lenient, RFC 5321 §2.3.8 forbids it but servers
 * send it). Text is decoded as UTF-8 (RFC 6531 allows it after SMTPUTF8) and control characters are
 * replaced, so nothing a server sends can drive the terminal.
 */
final class ReplyReader {

  private final InputStream in;
  private final Socket socket;
  private final Transcript transcript;
  private final byte[] buf = new byte[4096];
  private int pos;
  private int limit;

  ReplyReader(InputStream in, Socket socket, Transcript transcript) {
    this.in = in;
    this.socket = socket;
    this.transcript = transcript;
  }

  /** Bytes received but not yet read: after the STARTTLS 220 there must be none. */
  int buffered() {
    return limit - pos;
  }

  Reply read(Phase phase, long deadlineNanos) throws ProbeException {
    List<String> lines = new ArrayList<>();
    int code = -1;
    int total = 0;
    while (true) {
      byte[] raw = readLine(phase, deadlineNanos);
      total += raw.length + 2;
      String line = transcript.redact(printable(raw));
      transcript.server(line);
      if (total > Limits.REPLY_BYTES) {
        throw new ProbeException(
            phase,
            Failure.Kind.REPLY_TOO_LARGE,
            "reply longer than " + Limits.REPLY_BYTES + " bytes");
      }
      int lineCode = code(raw);
      boolean more = raw.length > 3 && raw[3] == '-';
      if (lineCode < 0 || (raw.length > 3 && raw[3] != ' ' && raw[3] != '-')) {
        throw new ProbeException(
            phase, Failure.Kind.MALFORMED_REPLY, "not an SMTP reply line: " + preview(line));
      }
      if (code >= 0 && lineCode != code) {
        throw new ProbeException(
            phase,
            Failure.Kind.MALFORMED_REPLY,
            "reply code changed from " + code + " to " + lineCode + " within one reply");
      }
      code = lineCode;
      lines.add(line.length() > 4 ? line.substring(4) : "");
      if (!more) return new Reply(code, lines);
      if (lines.size() >= Limits.REPLY_LINES) {
        throw new ProbeException(
            phase,
            Failure.Kind.REPLY_TOO_LARGE,
            "more than " + Limits.REPLY_LINES + " continuation lines in one reply");
      }
    }
  }

  private byte[] readLine(Phase phase, long deadlineNanos) throws ProbeException {
    var line = new ByteArrayOutputStream(128);
    while (true) {
      int b = next(phase, deadlineNanos);
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') return Arrays.copyOf(bytes, n - 1);
        return bytes;
      }
      if (line.size() >= Limits.REPLY_LINE + 1) {
        transcript.server(
            printable(Arrays.copyOf(line.toByteArray(), 80))
                + "... (no line end after "
                + Limits.REPLY_LINE
                + " bytes)");
        throw new ProbeException(
            phase,
            Failure.Kind.LINE_TOO_LONG,
            "reply line longer than " + Limits.REPLY_LINE + " bytes without a line end");
      }
      line.write(b);
    }
  }

  private int next(Phase phase, long deadlineNanos) throws ProbeException {
    if (pos < limit) return buf[pos++] & 0xff;
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) throw timeout(phase);
    try {
      socket.setSoTimeout(
          (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
      int n = in.read(buf);
      if (n < 0)
        throw new ProbeException(phase, Failure.Kind.CLOSED, "the server closed the connection");
      pos = 0;
      limit = n;
      return buf[pos++] & 0xff;
    } catch (SocketTimeoutException e) {
      throw timeout(phase);
    } catch (SocketException e) {
      if (System.nanoTime() - deadlineNanos >= 0) throw timeout(phase);
      throw new ProbeException(phase, Failure.Kind.CLOSED, "connection lost: " + e.getMessage());
    } catch (IOException e) {
      if (System.nanoTime() - deadlineNanos >= 0) throw timeout(phase);
      throw new ProbeException(phase, Failure.Kind.IO, e.toString());
    }
  }

  private static ProbeException timeout(Phase phase) {
    return new ProbeException(phase, Failure.Kind.TIMEOUT, "no complete reply before the deadline");
  }

  private static int code(byte[] raw) {
    if (raw.length < 3) return -1;
    int c = 0;
    for (int i = 0; i < 3; i++) {
      if (raw[i] < '0' || raw[i] > '9') return -1;
      c = c * 10 + (raw[i] - '0');
    }
    return c >= 200 && c <= 599 ? c : -1;
  }

  /** UTF-8 with control characters (and DEL, C1, bidi overrides) shown as U+FFFD. */
  static String printable(byte[] raw) {
    String s = new String(raw, StandardCharsets.UTF_8);
    var sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              boolean bad =
                  cp < 0x20 && cp != '\t'
                      || cp == 0x7f
                      || (cp >= 0x80 && cp < 0xa0)
                      || (cp >= 0x202a && cp <= 0x202e)
                      || (cp >= 0x2066 && cp <= 0x2069);
              sb.appendCodePoint(bad ? 0xfffd : cp);
            });
    return sb.toString();
  }

  private static String preview(String line) {
    return line.length() > 60 ? line.substring(0, 60) + "..." : line;
  }
}
