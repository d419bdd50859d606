package dev.mailcheck.checks.dkim;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message file with the line ends RFC 5322 requires: CRLF. Mail clients save messages with
 * bare LF (Unix) and, rarely, bare CR (classic Mac OS); every signer hashed CRLF. Streams, so a
 * message of any size costs two fixed buffers.
 *
 * <ul>
 *   <li>A bare LF always becomes CRLF (as before: a CRLF file with stray LFs converts them too).
 *   <li>A bare CR becomes CRLF only when the first line end of the file is a bare CR: the file uses
 *       CR as its line end. Elsewhere a CR not followed by LF is an ordinary octet, as dkimpy and
 *       OpenDKIM treat it, so the verdicts on CRLF and LF files do not change.
 * </ul>
 *
 * {@link #converted()} tells whether any line end was changed (the report says so).
 */
final class CrlfInputStream extends InputStream {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private enum Mode {
    /** No line end seen yet. */
    UNKNOWN,
    /** The first line end was CRLF or LF: bare CRs are octets. */
    CR_IS_OCTET,
    /** The first line end was a bare CR: bare CRs are line ends. */
    CR_IS_LINE_END
  }

  private final InputStream in;
  private final byte[] raw;
  private final byte[] out;
  private int outPos;
  private int outLen;
  private boolean eof;
  private boolean pendingCr;
  private Mode mode = Mode.UNKNOWN;
  private boolean converted;

  CrlfInputStream(InputStream in) {
    this.in = in;
    // A message already in memory (verify(byte[])) needs no buffers larger than itself.
    int size = 64 * 1024;
    try {
      if (in instanceof java.io.ByteArrayInputStream) size = Math.clamp(in.available(), 4096, size);
    } catch (IOException e) {
      // keep the default size
    }
    this.raw = new byte[size];
    this.out = new byte[2 * size + 2];
  }

  /** Whether a bare LF or CR line end was read as CRLF so far. */
  boolean converted() {
    return converted;
  }

  @Override
  public int read() throws IOException {
    return fill() ? out[outPos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (!fill()) return -1;
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  /** Makes output available; false at the end of the input. */
  private boolean fill() throws IOException {
    while (outPos == outLen) {
      if (eof) return false;
      outPos = 0;
      outLen = 0;
      int n = in.read(raw);
      if (n < 0) {
        eof = true;
        if (pendingCr) bareCr();
        pendingCr = false;
      } else {
        for (int i = 0; i < n; i++) {
          byte c = raw[i];
          if (!pendingCr && c != CR && c != LF) {
            // a run of octets that are not line ends is copied as a block
            int copied = OctetScan.copyToCrOrLf(raw, i, n, out, outLen);
            outLen += copied;
            i += copied - 1;
          } else {
            convert(c);
          }
        }
      }
    }
    return true;
  }

  private void convert(byte c) {
    if (pendingCr) {
      pendingCr = false;
      if (c == LF) {
        if (mode == Mode.UNKNOWN) mode = Mode.CR_IS_OCTET;
        out[outLen++] = CR;
        out[outLen++] = LF;
        return;
      }
      bareCr();
    }
    if (c == CR) {
      pendingCr = true;
    } else if (c == LF) {
      if (mode == Mode.UNKNOWN) mode = Mode.CR_IS_OCTET;
      converted = true;
      out[outLen++] = CR;
      out[outLen++] = LF;
    } else {
      out[outLen++] = c;
    }
  }

  private void bareCr() {
    if (mode == Mode.UNKNOWN) mode = Mode.CR_IS_LINE_END;
    out[outLen++] = CR;
    if (mode == Mode.CR_IS_LINE_END) {
      converted = true;
      out[outLen++] = LF;
    }
  }
}
