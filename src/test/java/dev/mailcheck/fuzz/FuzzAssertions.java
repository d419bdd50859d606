package dev.mailcheck.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The invariants every fuzz target checks beyond "no exception" (issue 19): text meant for people
 * carries no raw control characters, output stays bounded for bounded input, positions stay inside
 * the input.
 */
public final class FuzzAssertions {
  private FuzzAssertions() {}

  /** The octets as a DNS TXT string arrives: ISO-8859-1, so every octet is one char. */
  public static String latin1(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1);
  }

  /** Text shown to people (problem messages, finding text): no C0 control, no DEL, no C1. */
  public static void assertPrintable(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw new AssertionError(
            what
                + " carries raw control character U+"
                + String.format("%04X", (int) c)
                + ": "
                + text);
      }
    }
  }

  public static void assertAllPrintable(String what, Collection<?> texts) {
    for (Object t : texts) assertPrintable(what, String.valueOf(t));
  }

  /**
   * A position (0-based offset, or 1-based with {@code oneBased}) inside the input or at its end.
   */
  public static void assertPosition(String what, int position, int inputLength, boolean oneBased) {
    int lo = oneBased ? 1 : 0;
    int hi = oneBased ? inputLength + 1 : inputLength;
    assertThat(position).as(what + " position").isBetween(lo, Math.max(lo, hi));
  }

  /** Output no larger than a fixed multiple of the input plus a constant. */
  public static void assertBounded(String what, long outputSize, long inputSize, int factor) {
    assertThat(outputSize).as(what + " size").isLessThanOrEqualTo(inputSize * factor + 4096);
  }
}
