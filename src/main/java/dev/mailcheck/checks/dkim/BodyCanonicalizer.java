package dev.mailcheck.checks.dkim;

/**
 * Body canonicalization (RFC 6376 §3.4.3 simple, §3.4.4 relaxed) as a state machine: body octets
 * in, canonical octets out to a {@link Sink}, in one pass and constant memory whatever the body
 * size. Input is CRLF text; a CR not followed by LF is an ordinary octet, as in every verifier.
 *
 * <p>Trailing empty lines are what makes streaming subtle: they can only be dropped once the end of
 * the body is known, so they are counted ({@code deferredCrlfs}) and written out when more content
 * follows. A body of 40 MB of empty lines therefore costs a counter, not a buffer.
 *
 * <pre>{@code
 * simple:  "a \r\n\r\n\r\n" -> "a \r\n"      ""  -> "\r\n"
 * relaxed: "a \t b \r\n\r\n" -> "a b\r\n"    ""  -> ""
 * }</pre>
 */
final class BodyCanonicalizer {
  /** Where canonical octets go. */
  interface Sink {
    void write(byte[] b, int off, int len);
  }

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final boolean relaxed;
  private final Sink sink;
  private final byte[] out = new byte[16 * 1024];
  private int outLen;

  /** A CR was seen; whether it ends a line depends on the next octet. */
  private boolean pendingCr;

  /** Line ends (simple) or empty lines (relaxed) held back until content follows them. */
  private long deferredCrlfs;

  /** Relaxed: whitespace seen in this line and not written yet (it may be trailing). */
  private boolean pendingWsp;

  /** Relaxed: this line has written content, so its CRLF is not an empty line's. */
  private boolean lineHasContent;

  BodyCanonicalizer(Canonicalization c, Sink sink) {
    this.relaxed = c == Canonicalization.RELAXED;
    this.sink = sink;
  }

  void update(byte[] b, int off, int len) {
    int end = off + len;
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (!pendingCr && plain(c)) {
        // A run of octets that are content whatever comes next: handled as a block, not octet by
        // octet (the hot loop of verifying a large body).
        // In relaxed mode a single SP between two such octets is already canonical, so a run
        // takes in the spaces between words and is usually a whole line of text.
        int j = i + 1;
        while (j < end) {
          if (plain(b[j])) j++;
          else if (relaxed && b[j] == ' ' && j + 1 < end && plain(b[j + 1])) j += 2;
          else break;
        }
        contentRun(b, i, j - i);
        i = j - 1;
        continue;
      }
      if (pendingCr) {
        pendingCr = false;
        if (c == LF) {
          lineEnd();
          continue;
        }
        content(CR);
      }
      if (c == CR) pendingCr = true;
      else if (relaxed && (c == ' ' || c == '\t')) pendingWsp = true;
      else content(c);
    }
  }

  /** Ends the body: drops trailing empty lines and ends the last line with CRLF (§3.4.3/§3.4.4). */
  void finish() {
    if (pendingCr) {
      pendingCr = false;
      content(CR);
    }
    if (relaxed) {
      // An unterminated last line gets its CRLF; a relaxed empty body stays empty.
      if (lineHasContent) crlf();
    } else {
      // Simple: the body ends with exactly one CRLF, added when missing or the body is empty.
      crlf();
    }
    flush();
  }

  private void lineEnd() {
    if (relaxed) {
      pendingWsp = false; // §3.4.4 a: whitespace at the end of a line is ignored
      if (lineHasContent) crlf();
      else deferredCrlfs++;
      lineHasContent = false;
    } else {
      deferredCrlfs++;
    }
  }

  private void content(byte c) {
    if (!relaxed || !lineHasContent) {
      for (; deferredCrlfs > 0; deferredCrlfs--) crlf();
    }
    if (relaxed) {
      lineHasContent = true;
      if (pendingWsp) put((byte) ' ');
      pendingWsp = false;
    }
    put(c);
  }

  /** An octet that is written as it is: not CR, and in relaxed mode not whitespace. */
  private boolean plain(byte c) {
    return c != CR && !(relaxed && (c == ' ' || c == '\t'));
  }

  /**
   * {@link #content} for each of {@code n > 0} octets that start with a plain one and hold no
   * whitespace but single SPs before plain octets: the first one alone, then a copy.
   */
  private void contentRun(byte[] b, int off, int n) {
    content(b[off]);
    int rest = n - 1;
    if (rest == 0) return;
    if (outLen + rest > out.length) {
      flush();
      if (rest > out.length) {
        sink.write(b, off + 1, rest);
        return;
      }
    }
    System.arraycopy(b, off + 1, out, outLen, rest);
    outLen += rest;
  }

  private void crlf() {
    put(CR);
    put(LF);
  }

  private void put(byte c) {
    if (outLen == out.length) flush();
    out[outLen++] = c;
  }

  private void flush() {
    if (outLen > 0) sink.write(out, 0, outLen);
    outLen = 0;
  }
}
