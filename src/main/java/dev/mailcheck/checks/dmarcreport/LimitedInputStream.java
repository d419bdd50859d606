package dev.mailcheck.checks.dmarcreport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code max} bytes were read: the bound on every decompression. */
final class LimitedInputStream extends FilterInputStream {
  private final long max;
  private final String what;
  private long read;

  LimitedInputStream(InputStream in, long max, String what) {
    super(in);
    this.max = max;
    this.what = what;
  }

  /** The input grew past its bound. */
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String m) {
      super(m);
    }
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) count(1);
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) count(n);
    return n;
  }

  private void count(int n) throws LimitExceeded {
    read += n;
    if (read > max)
      throw new LimitExceeded(what + " grows past " + human(max) + " (a decompression bomb?)");
  }

  static String human(long bytes) {
    if (bytes >= 1 << 20) return (bytes >> 20) + " MiB";
    if (bytes >= 1 << 10) return (bytes >> 10) + " KiB";
    return bytes + " bytes";
  }
}
