package dev.mailcheck.checks.postfix.log;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a logged reason into a key that groups like with like: the same refusal from a thousand
 * hosts for a thousand recipients is one row. Host names and addresses in brackets, mail addresses
 * and long tokens (provider trace ids) are masked; the text is cut at {@value #MAX} characters.
 */
final class ReasonText {
  static final int MAX = 120;
  private static final Pattern ANGLE = Pattern.compile("<[^>]*>");
  private static final Pattern BRACKET = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");
  private static final Pattern TOKEN =
      Pattern.compile("\\b(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{10,}\\b");
  private static final Pattern HOST_WITH =
      Pattern.compile("\\b(with|to|from) [A-Za-z0-9.-]+\\.[A-Za-z]{2,}(\\[…\\])?(:\\d+)?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ReasonText() {}

  /**
   * The reason of a delivery status ({@code status=deferred (TEXT)}): the part after "host X said:"
   * when a server replied, else Postfix's own words.
   */
  static String delivery(String text) {
    String t = text;
    int said = t.indexOf(" said: ");
    if (said >= 0) t = t.substring(said + 7);
    if (t.startsWith("connect to ")) {
      int c = t.indexOf(": ", 11);
      if (c > 0) t = t.substring(c + 2);
    }
    return mask(t);
  }

  /**
   * The reason of an smtpd/postscreen rejection, from the text after {@code "reject: STAGE from
   * CLIENT: "}: the reply without code, address and the {@code ; from=<...>} tail.
   */
  static String rejection(String reply) {
    String t = reply;
    int tail = t.indexOf("; from=<");
    if (tail >= 0) t = t.substring(0, tail);
    if (t.length() > 4 && Character.isDigit(t.charAt(0)) && t.charAt(3) == ' ') t = t.substring(4);
    if (t.length() > 6 && Character.isDigit(t.charAt(0)) && t.charAt(1) == '.') {
      int sp = t.indexOf(' ');
      if (sp > 0 && sp < 10) t = t.substring(sp + 1);
    }
    if (t.startsWith("<")) {
      int close = t.indexOf(">: ");
      if (close > 0) t = t.substring(close + 3);
    }
    return mask(t);
  }

  static String mask(String t) {
    String m = ANGLE.matcher(t).replaceAll("<…>");
    m = BRACKET.matcher(m).replaceAll("[…]");
    m = IPV4.matcher(m).replaceAll("…");
    m = HOST_WITH.matcher(m).replaceAll("$1 …");
    m = TOKEN.matcher(m).replaceAll("…");
    m = SPACES.matcher(m).replaceAll(" ").strip();
    if (m.length() > MAX) m = m.substring(0, MAX - 1) + "…";
    return m;
  }

  /** The DNSBL zone named in "blocked using ZONE" (lower case), or "". */
  static String blocklist(String text) {
    int i = text.indexOf("blocked using ");
    if (i < 0) return "";
    int start = i + 14;
    int end = start;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == ';' || c == ',' || c == ' ' || c == ')') break;
      end++;
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }
}
