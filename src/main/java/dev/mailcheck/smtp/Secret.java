package dev.mailcheck.smtp;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password or OAuth token. Its {@code toString} never shows the value, so it cannot leak through
 * logging, exceptions or record printing.
 */
public final class Secret {
  private final char[] value;

  public Secret(char[] value) {
    this.value = value.clone();
  }

  public static Secret of(String value) {
    return new Secret(value.toCharArray());
  }

  char[] chars() {
    return value.clone();
  }

  byte[] utf8() {
    var bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    return out;
  }

  /** The value, for comparing in tests of this package only. */
  String reveal() {
    return new String(value);
  }

  @Override
  public String toString() {
    return "<redacted>";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && Arrays.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }
}
