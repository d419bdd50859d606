package dev.mailcheck.checks;

import dev.mailcheck.internal.DomainNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 6376 §3.2 tag-list ({@code tag=value; tag=value; ...}), the syntax shared by DKIM key
 * records, DKIM-Signature header fields and DMARC records (RFC 7489 §6.4 reuses it).
 *
 * <p>The parser is lenient, in the house style: it never throws, keeps every well-formed tag, and
 * collects positioned {@link Problem}s for the rest (a tag without {@code =}, a bad tag name, a
 * character not allowed in a value, a duplicate tag, which §3.2 makes an error). Tag names are
 * case-sensitive per §3.2; {@link #get} matches exactly. Values have surrounding whitespace
 * removed; folding whitespace inside a value is kept (callers that need base64 strip it, §3.5
 * {@code b=}).
 *
 * <pre>{@code
 * TagList t = TagList.parse("v=DKIM1; k=rsa; p=MIGf...");
 * t.get("k")            // Optional["rsa"]
 * t.problems()          // []
 * }</pre>
 *
 * @param tags the tags in order of appearance (first occurrence of a duplicate only)
 * @param problems syntax problems, each with the 0-based character offset in the input
 */
public record TagList(List<Tag> tags, List<Problem> problems) {
  public TagList {
    tags = List.copyOf(tags);
    problems = List.copyOf(problems);
  }

  /**
   * One tag-spec.
   *
   * @param position 0-based offset of the tag name in the input
   */
  public record Tag(String name, String value, int position) {}

  /** A syntax problem at a 0-based character offset of the input. */
  public record Problem(int position, String message) {
    @Override
    public String toString() {
      return message + " at position " + (position + 1);
    }
  }

  public static TagList parse(String text) {
    List<Tag> tags = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int semi = text.indexOf(';', start);
      int end = semi < 0 ? n : semi;
      parseSpec(text, start, end, tags, problems, seen);
      if (semi < 0) break;
      start = semi + 1;
    }
    return new TagList(
        tags,
        problems.size() > Limits.TAG_LIST_PROBLEMS
            ? problems.subList(0, Limits.TAG_LIST_PROBLEMS)
            : problems);
  }

  private static void parseSpec(
      String text,
      int from,
      int to,
      List<Tag> tags,
      List<Problem> problems,
      Map<String, Boolean> seen) {
    int s = skipWs(text, from, to);
    if (s == to) {
      // Only the last spec may be empty: the optional trailing ";" (or an empty input).
      if (to < text.length()) problems.add(new Problem(s, "empty tag-spec (stray ';')"));
      return;
    }
    int eq = s;
    while (eq < to && text.charAt(eq) != '=') eq++;
    if (eq >= to) {
      problems.add(
          new Problem(s, "tag without '=': \"" + clip(stripFws(text.substring(s, to))) + "\""));
      return;
    }
    String name = stripFws(text.substring(s, eq));
    if (!validName(name)) {
      problems.add(new Problem(s, "invalid tag name \"" + clip(name) + "\""));
      return;
    }
    int vStart = skipWs(text, eq + 1, to);
    String value = stripFws(text.substring(vStart, to));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          c >= 0x21 && c <= 0x7e && c != ';'
              || c == ' '
              || c == '\t'
              || c == '\r'
              || c == '\n'
              || c > 0x7f;
      if (!ok) {
        problems.add(
            new Problem(
                vStart + i,
                "character 0x"
                    + Integer.toHexString(c)
                    + " not allowed in value of \""
                    + name
                    + "\""));
        return;
      }
    }
    if (seen.putIfAbsent(name, Boolean.TRUE) != null) {
      problems.add(new Problem(s, "duplicate tag \"" + name + "\""));
      return;
    }
    tags.add(new Tag(name, value, s));
  }

  private static boolean validName(String name) {
    if (name.isEmpty() || !isAlpha(name.charAt(0))) return false;
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAlpha(c) || c >= '0' && c <= '9' || c == '_')) return false;
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static int skipWs(String t, int i, int to) {
    while (i < to && isFws(t.charAt(i))) i++;
    return i;
  }

  /**
   * The characters folding whitespace is made of (RFC 6376 §2.8 FWS, RFC 5234 WSP): SP, HTAB and
   * the CR LF of a fold. Nothing else: {@link String#strip()} would also remove VT, FF and
   * 0x1C-0x1F, which the tag-list grammar does not allow around a value.
   */
  public static boolean isFws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** The text without leading and trailing FWS ({@link #isFws}); other characters stay. */
  public static String stripFws(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isFws(s.charAt(from))) from++;
    while (to > from && isFws(s.charAt(to - 1))) to--;
    return s.substring(from, to);
  }

  /**
   * The value without any folding whitespace ({@link #isFws}), as base64 values (DKIM {@code b=},
   * {@code bh=}, {@code p=}) are read.
   */
  public static String withoutFws(String value) {
    int i = 0;
    while (i < value.length() && !isFws(value.charAt(i))) i++;
    if (i == value.length()) return value;
    StringBuilder sb = new StringBuilder(value.length()).append(value, 0, i);
    for (; i < value.length(); i++) if (!isFws(value.charAt(i))) sb.append(value.charAt(i));
    return sb.toString();
  }

  /** At most 40 characters of record text for a message, control characters as U+XXXX. */
  private static String clip(String s) {
    return DomainNames.printable(s.length() > 40 ? s.substring(0, 40) + "..." : s);
  }

  /** The value of a tag (exact, case-sensitive name). */
  public Optional<String> get(String name) {
    for (Tag t : tags) if (t.name().equals(name)) return Optional.of(t.value());
    return Optional.empty();
  }

  /**
   * The value of a tag, ignoring case in the name. For DMARC, whose ABNF tag names (RFC 7489 §6.4)
   * are case-insensitive; DKIM tag names are case-sensitive, so DKIM uses {@link #get}.
   */
  public Optional<String> getIgnoringCase(String name) {
    return tags.stream().filter(t -> t.name().equalsIgnoreCase(name)).map(Tag::value).findFirst();
  }

  public Optional<Tag> tag(String name) {
    for (Tag t : tags) if (t.name().equals(name)) return Optional.of(t);
    return Optional.empty();
  }

  public boolean has(String name) {
    for (Tag t : tags) if (t.name().equals(name)) return true;
    return false;
  }

  /** Tag names, lower-cased, in order; for "unknown tag" checks. */
  public List<String> names() {
    return tags.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
