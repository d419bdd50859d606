package dev.mailcheck.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tag=value list as RFC 6376 §3.2 defines it and DMARC (RFC 7489 §6.4, RFC 9989) reuses it:
 * {@code tag-spec *( ";" tag-spec ) [ ";" ]}, whitespace allowed around tags, "=" and values.
 *
 * <p>Lenient like every parser here: it keeps going past a bad tag-spec and collects positioned
 * problems (a tag without "=", a bad tag name, a character outside VALCHAR, a duplicate tag). It
 * never throws on bad input. Tag names keep the case they were written in; {@link #get} compares
 * them case-insensitively when asked to (DMARC does, DKIM does not).
 *
 * <p>Example: {@code "v=DMARC1; p=reject;"} gives tags v (position 0) and p (position 10).
 */
public record TagList(List<Tag> tags, List<Problem> problems) {
  public TagList {
    tags = List.copyOf(tags);
    problems = List.copyOf(problems);
  }

  /**
   * @param position offset of the tag name in the text (0-based)
   * @param value the value with surrounding whitespace removed (inner folding whitespace kept)
   */
  public record Tag(String name, String value, int position) {}

  /** @param position offset in the text (0-based) where the problem starts */
  public record Problem(int position, String message) {
    @Override
    public String toString() {
      return message + " (at " + (position + 1) + ")";
    }
  }

  /** At most this many problems are kept; a hostile record must not flood the report. */
  static final int MAX_PROBLEMS = 20;

  public static TagList parse(String text) {
    List<Tag> tags = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf(';', start);
      if (end < 0) end = n;
      parseSpec(text, start, end, tags, problems, seen);
      start = end + 1;
      if (end == n) break;
    }
    return new TagList(tags, problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
  }

  private static void parseSpec(String text, int from, int to, List<Tag> tags, List<Problem> problems, Set<String> seen) {
    int s = skipWs(text, from, to);
    if (s == to) return; // empty spec: trailing ";" or ";;"
    int eq = text.indexOf('=', s);
    if (eq < 0 || eq >= to) {
      problems.add(new Problem(s, "tag \"" + text.substring(s, trimEnd(text, s, to)) + "\" has no \"=\" and value"));
      return;
    }
    String name = text.substring(s, trimEnd(text, s, eq));
    if (!validName(name)) {
      problems.add(new Problem(s, name.isEmpty() ? "\"=\" without a tag name" : "invalid tag name \"" + name + "\""));
      return;
    }
    int vs = skipWs(text, eq + 1, to);
    int ve = trimEnd(text, vs, to);
    String value = text.substring(vs, ve);
    for (int i = vs; i < ve; i++) {
      char c = text.charAt(i);
      boolean ws = c == ' ' || c == '\t' || c == '\r' || c == '\n';
      if (!ws && (c < 0x21 || c > 0x7e)) {
        problems.add(new Problem(i, "invalid character " + describe(c) + " in the value of \"" + name + "\""));
        break;
      }
    }
    if (!seen.add(name)) {
      problems.add(new Problem(s, "duplicate tag \"" + name + "\""));
      return;
    }
    tags.add(new Tag(name, value, s));
  }

  private static boolean validName(String name) {
    if (name.isEmpty() || !isAlpha(name.charAt(0))) return false;
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') return false;
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int skipWs(String t, int i, int to) {
    while (i < to && Character.isWhitespace(t.charAt(i))) i++;
    return i;
  }

  private static int trimEnd(String t, int from, int to) {
    while (to > from && Character.isWhitespace(t.charAt(to - 1))) to--;
    return to;
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /** The first tag with this name, compared case-insensitively when {@code ignoreCase}. */
  public Optional<Tag> get(String name, boolean ignoreCase) {
    return tags.stream().filter(t -> ignoreCase ? t.name().equalsIgnoreCase(name) : t.name().equals(name)).findFirst();
  }

  /** The first tag with exactly this name (RFC 6376: tag names are case-sensitive). */
  public Optional<Tag> get(String name) {
    return get(name, false);
  }
}
