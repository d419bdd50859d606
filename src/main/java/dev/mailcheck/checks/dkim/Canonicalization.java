package dev.mailcheck.checks.dkim;

import java.util.Locale;
import java.util.Optional;

/** The two canonicalization algorithms of RFC 6376 §3.4, for header fields and for the body. */
public enum Canonicalization {
  SIMPLE,
  RELAXED;

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Canonicalization> of(String token) {
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

  static String relaxedHeader(String name, String value) {
    String v = value.replace("\r\n", "");
    v = collapseWsp(v).strip();
    return name.toLowerCase(Locale.ROOT).strip() + ":" + v;
  }

  private static String withCrlf(String raw) {
    return raw.endsWith("\r\n") ? raw : raw + "\r\n";
  }

  /** The canonical body (§3.4.3, §3.4.4). Simple: an empty body is one CRLF; relaxed: empty. */
  String body(String body) {
    if (this == SIMPLE) {
      int end = body.length();
      while (end >= 2 && body.startsWith("\r\n", end - 2)) end -= 2;
      return body.substring(0, end) + "\r\n";
    }
    StringBuilder out = new StringBuilder(body.length());
    int pos = 0;
    int n = body.length();
    while (pos < n) {
      int eol = body.indexOf("\r\n", pos);
      boolean hasEol = eol >= 0;
      String line = body.substring(pos, hasEol ? eol : n);
      out.append(stripTrailingWsp(collapseWsp(line))).append("\r\n");
      pos = hasEol ? eol + 2 : n;
    }
    int end = out.length();
    while (end >= 2 && out.charAt(end - 1) == '\n' && out.charAt(end - 2) == '\r') {
      if (end == 2 || out.charAt(end - 3) == '\n') end -= 2;
      else break;
    }
    out.setLength(end);
    return out.toString();
  }

  private static String collapseWsp(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean inWsp = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        if (!inWsp) b.append(' ');
        inWsp = true;
      } else {
        b.append(c);
        inWsp = false;
      }
    }
    return b.toString();
  }

  private static String stripTrailingWsp(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) end--;
    return s.substring(0, end);
  }
}
