package dev.mailcheck.checks.postfix.log;

import dev.mailcheck.checks.Limits;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a byte stream with a hard cap on line length: a longer line keeps its first
 * {@link Limits#POSTFIX_LOG_LINE} bytes and the rest is skipped without being buffered, so a 100 MB
 * line costs no more memory than a short one. Lines end at LF (a CR before it is dropped). Bytes
 * are decoded as UTF-8 with replacement; a line with a NUL byte is flagged as binary.
 */
final class BoundedLineReader implements Closeable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private final byte[] line = new byte[Limits.POSTFIX_LOG_LINE];
  private int pos;
  private int lim;
  private boolean eof;
  private boolean overlong;
  private boolean binary;
  private long bytesRead;

  BoundedLineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its end, or null at the end of input. */
  String next() throws IOException {
    int len = 0;
    overlong = false;
    binary = false;
    boolean any = false;
    while (true) {
      if (pos == lim) {
        if (eof || !fill()) {
          if (!any) return null;
          break;
        }
      }
      any = true;
      int start = pos;
      int end = lim;
      int nl = -1;
      for (int i = start; i < end; i++) {
        byte b = buf[i];
        if (b == '\n') {
          nl = i;
          break;
        }
        if (b == 0) binary = true;
      }
      int stop = nl < 0 ? end : nl;
      int n = Math.min(stop - start, Limits.POSTFIX_LOG_LINE - len);
      if (n > 0) {
        System.arraycopy(buf, start, line, len, n);
        len += n;
      }
      if (stop - start > n) overlong = true;
      if (nl >= 0) {
        pos = nl + 1;
        break;
      }
      pos = end;
    }
    if (len > 0 && line[len - 1] == '\r') len--;
    return new String(line, 0, len, StandardCharsets.UTF_8);
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    lim = n;
    bytesRead += n;
    return true;
  }

  /** The last line was longer than {@link Limits#POSTFIX_LOG_LINE} and was cut. */
  boolean overlong() {
    return overlong;
  }

  /** The last line held a NUL byte. */
  boolean binary() {
    return binary;
  }

  long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
