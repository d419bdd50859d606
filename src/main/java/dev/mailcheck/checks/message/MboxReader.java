package dev.mailcheck.checks.message;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an mbox (RFC 4155) into its messages as streams, one after the other, without holding a
 * message in memory: a message ends before a "From " line that follows an empty line. Lines are
 * read in pieces of at most 64 KB, so a binary file with no line ends costs no more.
 *
 * <p>Body lines the mbox writer quoted are given back as they were sent: one {@code >} is taken
 * from every line that starts with {@code >...>From } (the "mboxrd" rule, RFC 4155 §2 and its
 * Appendix; for the older "mboxo" files it restores the common case, a line that began with {@code
 * From }). DKIM body hashes are computed over the message as sent, so without this every signature
 * over such a body would fail.
 */
public final class MboxReader {
  private static final int PIECE = 64 * 1024;

  private final InputStream in;
  private byte[] pending; // the separator line read ahead, or null
  private boolean eof;
  private int count;

  public MboxReader(InputStream in) {
    this.in = in;
  }

  /** The next message (starting with its "From " line), or null at the end. */
  public InputStream next() throws IOException {
    if (count >= Limits.MBOX_MESSAGES) return null;
    if (pending == null && !eof) pending = piece();
    if (pending == null) return null;
    count++;
    byte[] first = pending;
    pending = null;
    return new Message(first);
  }

  /** Up to a LF (included) or {@link #PIECE} octets; null at the end. */
  private byte[] piece() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      if (c == '\n' || b.size() >= PIECE) break;
    }
    if (c < 0) eof = true;
    return b.size() == 0 ? null : b.toByteArray();
  }

  private static boolean isFromLine(byte[] p) {
    return p.length >= 5 && p[0] == 'F' && p[1] == 'r' && p[2] == 'o' && p[3] == 'm' && p[4] == ' ';
  }

  /** {@code >From }, {@code >>From }, ...: a body line the mbox writer quoted. */
  static boolean isQuotedFromLine(byte[] p) {
    int i = 0;
    while (i < p.length && p[i] == '>') i++;
    return i > 0
        && p.length - i >= 5
        && p[i] == 'F'
        && p[i + 1] == 'r'
        && p[i + 2] == 'o'
        && p[i + 3] == 'm'
        && p[i + 4] == ' ';
  }

  private static boolean isEmptyLine(byte[] p) {
    return p.length == 1 && p[0] == '\n' || p.length == 2 && p[0] == '\r' && p[1] == '\n';
  }

  private final class Message extends InputStream {
    private byte[] cur;
    private int pos;
    private boolean ended;
    private boolean lastEmpty;
    private boolean atLineStart = true;

    Message(byte[] first) {
      cur = first;
      atLineStart = first[first.length - 1] == '\n';
    }

    private boolean fill() throws IOException {
      if (ended) return false;
      while (cur == null || pos >= cur.length) {
        if (cur != null) lastEmpty = isEmptyLine(cur);
        byte[] p = eof ? null : piece();
        if (p == null) {
          ended = true;
          return false;
        }
        boolean lineStart = atLineStart;
        atLineStart = p[p.length - 1] == '\n';
        if (lineStart && lastEmpty && isFromLine(p)) {
          pending = p;
          ended = true;
          return false;
        }
        if (lineStart && isQuotedFromLine(p)) p = Arrays.copyOfRange(p, 1, p.length);
        cur = p;
        pos = 0;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      if (!fill()) return -1;
      return cur[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      if (!fill()) return -1;
      int n = Math.min(len, cur.length - pos);
      System.arraycopy(cur, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public String toString() {
      return "mbox message " + count;
    }
  }
}
