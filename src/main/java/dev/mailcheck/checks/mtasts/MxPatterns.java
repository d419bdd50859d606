package dev.mailcheck.checks.mtasts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 8461 §4.1 MX matching: a pattern is a host name, or {@code *.} and a host name; the wildcard
 * matches exactly one whole leftmost label ({@code *.example.com} matches {@code mx.example.com},
 * not {@code example.com} nor {@code a.b.example.com}). Comparison ignores case and a trailing dot.
 */
public final class MxPatterns {
  private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
  private static final String NAME = LABEL + "(\\." + LABEL + ")+";

  private MxPatterns() {}

  static boolean valid(String pattern) {
    String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
    if (p.startsWith("*.")) p = p.substring(2);
    return p.length() <= 253 && p.matches(NAME);
  }

  public static boolean matches(String pattern, String host) {
    String p = norm(pattern);
    String h = norm(host);
    if (!p.startsWith("*.")) return p.equals(h);
    String suffix = p.substring(1); // ".example.com"
    if (!h.endsWith(suffix)) return false;
    String label = h.substring(0, h.length() - suffix.length());
    return !label.isEmpty() && label.indexOf('.') < 0;
  }

  /** The first pattern that matches the host. */
  public static Optional<String> match(List<String> patterns, String host) {
    return patterns.stream().filter(p -> matches(p, host)).findFirst();
  }

  private static String norm(String s) {
    String t = s.toLowerCase(Locale.ROOT).strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
