package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming body canonicalizer, fed in random chunks, gives what a line-by-line reading of RFC
 * 6376 §3.4.3/§3.4.4 gives, for bodies made of the octets the state machine treats specially.
 */
class BodyCanonicalizerTest {
  @Test
  void randomBodiesInRandomChunksMatchTheLineByLineReading() {
    Random r = new Random(18);
    char[] alphabet = {'a', 'b', ' ', '\t', '\r', '\n', '\r', '\n'};
    for (int n = 0; n < 5000; n++) {
      StringBuilder body = new StringBuilder();
      int len = r.nextInt(n % 10 == 0 ? 40_000 : 60);
      for (int i = 0; i < len; i++) {
        // mostly runs of ordinary octets, like text, with the special ones in between
        body.append(r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : 'x');
      }
      String b = body.toString();
      assertThat(streamed(Canonicalization.SIMPLE, b, r)).as("simple %s", b).isEqualTo(simple(b));
      assertThat(streamed(Canonicalization.RELAXED, b, r))
          .as("relaxed %s", b)
          .isEqualTo(relaxed(b));
    }
  }

  /**
   * Text-like bodies: words, single and double spaces, tabs, lines that start with whitespace,
   * whitespace-only lines, bare CRs and octets above 0x7F, in long chunks (the relaxed hot loop).
   */
  @Test
  void textLikeBodiesMatchTheLineByLineReading() {
    Random r = new Random(6376);
    String[] pieces = {
      "word",
      "\u00e9t\u00e9",
      " ",
      " ",
      "  ",
      "\t",
      " \t ",
      "\r\n",
      "\r\n",
      "\r\n ",
      "\r\n\t",
      "\r\n  \r\n",
      "\r",
      "\r\n\r\n",
      "\u00ff",
      "x"
    };
    for (int n = 0; n < 3000; n++) {
      StringBuilder body = new StringBuilder();
      int len = r.nextInt(n % 10 == 0 ? 5_000 : 80);
      for (int i = 0; i < len; i++) body.append(pieces[r.nextInt(pieces.length)]);
      String b = body.toString();
      assertThat(streamed(Canonicalization.SIMPLE, b, r)).as("simple %s", b).isEqualTo(simple(b));
      assertThat(streamed(Canonicalization.RELAXED, b, r))
          .as("relaxed %s", b)
          .isEqualTo(relaxed(b));
    }
  }

  private static String streamed(Canonicalization c, String body, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCanonicalizer bc = new BodyCanonicalizer(c, out::write);
    byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < b.length; ) {
      int n = Math.min(b.length - i, 1 + r.nextInt(r.nextBoolean() ? 8 : 20_000));
      bc.update(b, i, n);
      i += n;
    }
    bc.finish();
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** §3.4.3: trailing empty lines removed; the body ends with one CRLF (also when empty). */
  private static String simple(String b) {
    while (b.endsWith("\r\n\r\n")) b = b.substring(0, b.length() - 2);
    return b.endsWith("\r\n") ? b : b + "\r\n";
  }

  /**
   * §3.4.4: whitespace runs become one SP, whitespace at line ends goes, trailing empty lines go,
   * and a non-empty body ends with CRLF.
   */
  private static String relaxed(String b) {
    String[] lines = b.split("\r\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) out.append("\r\n");
      out.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" \\z", ""));
    }
    String s = out.toString();
    while (s.endsWith("\r\n")) s = s.substring(0, s.length() - 2);
    return s.isEmpty() ? "" : s + "\r\n";
  }
}
