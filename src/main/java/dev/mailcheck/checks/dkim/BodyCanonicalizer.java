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
      if (relaxed && lineHasContent && !pendingCr && c != CR) {
        i = relaxedRun(b, i, end) - 1;
        continue;
      }
      if (!pendingCr && plain(c)) {
        if (relaxed) {
          // The first text of a line; the rest of it goes through relaxedRun.
          content(c);
          continue;
        }
        // Simple: a run of octets up to the next CR is content whatever comes next, handled as a
        // block, not octet by octet (the hot loop of verifying a large body).
        int j = OctetScan.cr(b, i + 1, end);
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

  /**
   * Relaxed, inside a line that already has content (so no empty lines are held back): copies text
   * as blocks up to the next octet relaxed canonicalization may change ({@link
   * OctetScan#relaxedBreak}), each run of WSP as one SP before the next octet (a run before a line
   * end is dropped, a run at {@code end} stays pending), and CRLF line ends while the next line
   * starts with content. Returns where a state it does not handle starts: a bare CR, or a line that
   * starts with WSP or CR (it may be empty, and empty lines are held back). The hot loop of a
   * relaxed body, on locals.
   *
   * @return the index of the first octet not read
   */
  private int relaxedRun(byte[] b, int i, int end) {
    byte[] o = out;
    int n = outLen;
    boolean pend = pendingWsp;
    while (i < end) {
      if (!pend) {
        int copied = OctetScan.copyToRelaxedBreak(b, i, end, o, n);
        i += copied;
        n += copied;
        if (i == end) break;
      }
      if (n > o.length - 2) {
        outLen = n;
        flush();
        n = 0;
      }
      byte c = b[i];
      if (c == CR) {
        if (i + 1 == end || b[i + 1] != LF) break; // a bare CR, or a CR whose LF is not here yet
        o[n++] = CR;
        o[n++] = LF;
        pend = false;
        i += 2;
        if (i == end || b[i] == CR || WSP[b[i] & 0xff] == 1) {
          lineHasContent = false;
          break;
        }
        continue;
      }
      if (WSP[c & 0xff] == 1) {
        // a run of WSP: one SP if text follows on this line, nothing if the line ends here
        i++;
        while (i < end && WSP[b[i] & 0xff] == 1) i++;
        pend = true;
        if (i == end || b[i] == CR) continue;
        o[n++] = ' ';
        pend = false;
        continue;
      }
      i++;
      if (pend) o[n++] = ' ';
      pend = false;
      o[n++] = c;
    }
    outLen = n;
    pendingWsp = pend;
    return i;
  }

  /** 1 for SP and HTAB, the WSP of RFC 5234. */
  private static final byte[] WSP = new byte[256];

  static {
    WSP[' '] = 1;
    WSP['\t'] = 1;
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
   * Simple mode: {@link #content} for each of {@code n > 0} octets without a CR, the first one
   * alone (it writes the line ends held back), then a copy.
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
