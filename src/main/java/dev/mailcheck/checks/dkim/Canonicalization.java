package dev.mailcheck.checks.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The two canonicalization algorithms of RFC 6376 §3.4, for header fields and for the body. */
public enum Canonicalization {
  SIMPLE,
  RELAXED;

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Canonicalization> of(String token) {
    return switch (token.toLowerCase(Locale.ROOT)) {
      case "simple" -> Optional.of(SIMPLE);
      case "relaxed" -> Optional.of(RELAXED);
      default -> Optional.empty();
    };
  }

  /** A header field in this canonical form, with its CRLF (§3.4.1, §3.4.2). */
  String header(DkimMessage.HeaderField field) {
    return this == SIMPLE
        ? withCrlf(field.raw())
        : relaxedHeader(field.name(), field.value()) + "\r\n";
  }

  /**
   * §3.4.2: name in lower case; value unfolded, every run of WSP made one SP, WSP removed at both
   * ends. WSP is SP and HTAB only (RFC 5234): other control characters (VT, FF, 0x1C-0x1F) are part
   * of the value and stay, which {@link String#strip()} would get wrong.
   */
  static String relaxedHeader(String name, String value) {
    String v = stripWsp(collapseWsp(value.replace("\r\n", "")));
    return lowerAscii(stripWsp(name)) + ":" + v;
  }

  private static String withCrlf(String raw) {
    return raw.endsWith("\r\n") ? raw : raw + "\r\n";
  }

  /**
   * The canonical body (§3.4.3, §3.4.4). Simple: an empty body is one CRLF; relaxed: empty. The
   * same state machine the verifier streams the body through ({@link BodyCanonicalizer}).
   */
  String body(String body) {
    byte[] in = body.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 2);
    BodyCanonicalizer c = new BodyCanonicalizer(this, out::write);
    c.update(in, 0, in.length);
    c.finish();
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  private static String collapseWsp(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean inWsp = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isWsp(c)) {
        if (!inWsp) b.append(' ');
        inWsp = true;
      } else {
        b.append(c);
        inWsp = false;
      }
    }
    return b.toString();
  }

  /** Without SP and HTAB at both ends (and nothing else). */
  static String stripWsp(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isWsp(s.charAt(from))) from++;
    while (to > from && isWsp(s.charAt(to - 1))) to--;
    return s.substring(from, to);
  }

  /**
   * A header field name in lower case, A-Z only: field names are US-ASCII (RFC 5322 §2.2), and
   * signers lower-case octets, not Latin-1 letters.
   */
  static String lowerAscii(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) if (c[i] >= 'A' && c[i] <= 'Z') c[i] = (char) (c[i] + 32);
    return new String(c);
  }
}
