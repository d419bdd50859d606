package dev.mailcheck.report.render;

/**
 * Text for XML attributes and character data (JUnit XML, HTML): the five markup characters escaped,
 * and every character XML 1.0 cannot carry (C0 controls but tab and newline, unpaired surrogates,
 * U+FFFE/U+FFFF) written as a visible {@code \x..} escape, and the bidi embedding, override and
 * isolate marks and U+2028/U+2029 as a backslash-u escape ({@code \\u202e}). Values come from DNS
 * and SMTP servers that anyone runs.
 */
final class XmlText {
  private XmlText() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\t', '\n' -> sb.append(c);
        default -> {
          boolean pairedHigh =
              Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1));
          if (pairedHigh) {
            sb.append(c).append(s.charAt(++i));
          } else if ((c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x2028
              || c == 0x2029) {
            // bidi overrides and line separators would reorder or break what a reader sees
            sb.append(String.format("\\u%04x", (int) c));
          } else if (c < 0x20
              || (c >= 0x7f && c <= 0x9f)
              || Character.isSurrogate(c)
              || c == 0xfffe
              || c == 0xffff) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
