package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of an e-mail message or mbox, as ISO-8859-1 strings without their line end (LF or CRLF),
 * with one line of push-back. A line longer than {@link Limits#REPORT_LINE} bytes (its line end not
 * counted) comes back in pieces of that size, so that one endless line cannot take all memory. In
 * mbox mode, a "From " line after an empty line ends the current message: {@link #next} returns
 * null until {@link #nextMessage}.
 */
final class LineReader {
  private final InputStream in;
  private final boolean mbox;
  private String pushed;
  private boolean previousEmpty = true;
  private boolean messageEnd;
  private boolean eof;
  private boolean cut;
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);

  LineReader(InputStream in, boolean mbox) {
    this.in = in;
    this.mbox = mbox;
  }

  String next() throws IOException {
    if (pushed != null) {
      String p = pushed;
      pushed = null;
      return p;
    }
    if (messageEnd) return null;
    String line = read();
    if (line == null) return null;
    if (mbox && previousEmpty && line.startsWith("From ")) {
      messageEnd = true;
      return null;
    }
    previousEmpty = line.isEmpty();
    return line;
  }

  void pushBack(String line) {
    pushed = line;
  }

  /** In mbox mode: moves past the "From " line to the next message; false at the end. */
  boolean nextMessage() {
    if (!messageEnd) return false;
    messageEnd = false;
    previousEmpty = false;
    pushed = null;
    return !eof;
  }

  private String read() throws IOException {
    while (!eof) {
      buf.reset();
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') break;
        buf.write(c);
        if (buf.size() >= Limits.REPORT_LINE) break;
      }
      if (c < 0) {
        eof = true;
        if (buf.size() == 0) return null;
      }
      boolean afterCut = cut;
      cut = c >= 0 && c != '\n';
      byte[] b = buf.toByteArray();
      int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
      // the line end of a line cut exactly at the cap (its CR may have been cut off with it) is
      // no empty line: that would end a header section or let a "From " line split an mbox
      if (afterCut && len == 0 && c == '\n') continue;
      return new String(b, 0, len, StandardCharsets.ISO_8859_1);
    }
    return null;
  }
}
