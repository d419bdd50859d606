package dev.mailcheck.checks.message;

import dev.mailcheck.checks.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code Authentication-Results} field (RFC 8601 §2.2), parsed: the authserv-id of the receiver
 * that wrote it and one {@link Entry} per method result. Lenient: a result that does not parse is
 * skipped and counted in {@link #unparsed()}.
 *
 * <pre>{@code
 * mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=abc;
 *   spf=pass (google.com: domain of a@example.com designates 192.0.2.1 as permitted sender)
 *   smtp.mailfrom=a@example.com; dmarc=pass (p=REJECT) header.from=example.com
 * }</pre>
 */
public record AuthResults(String authservId, List<Entry> entries, int unparsed, String raw) {
  public AuthResults {
    entries = List.copyOf(entries);
  }

  /**
   * One method's result.
   *
   * @param method {@code spf}, {@code dkim}, {@code dmarc}, {@code arc}, ... (lower case)
   * @param result {@code pass}, {@code fail}, ... (lower case)
   * @param properties {@code ptype.property} → value, e.g. {@code header.d} → {@code example.com}
   * @param comment the comments of the result, joined (often the receiver's reason)
   */
  public record Entry(
      String method,
      String result,
      Optional<String> reason,
      Map<String, String> properties,
      String comment) {
    public Entry {
      properties = Map.copyOf(properties);
    }

    public Optional<String> property(String name) {
      return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /** All results of one method, in order. */
  public List<Entry> of(String method) {
    return entries.stream().filter(e -> e.method().equals(method)).toList();
  }

  public static AuthResults parse(String value) {
    String raw = value.replace("\r\n", "").strip();
    List<String> parts = split(raw);
    String id = parts.isEmpty() ? "" : stripComments(parts.get(0)).strip().split("\\s+")[0];
    // Microsoft 365 leaves the authserv-id out: the first part is already a result.
    int from = 1;
    if (id.matches("[A-Za-z0-9_.-]+(/[0-9]+)?=.*")) {
      id = "";
      from = 0;
    }
    List<Entry> entries = new ArrayList<>();
    int bad = 0;
    for (String part : parts.subList(Math.min(from, parts.size()), parts.size())) {
      if (entries.size() >= Limits.AUTH_RESULTS_PER_FIELD) break;
      String comment = comments(part);
      String text = stripComments(part).strip();
      if (text.isEmpty() || text.equalsIgnoreCase("none")) continue;
      String[] tokens = tokens(text);
      int eq = tokens[0].indexOf('=');
      if (eq <= 0) {
        bad++;
        continue;
      }
      String method = tokens[0].substring(0, eq).toLowerCase(Locale.ROOT);
      int slash = method.indexOf('/');
      if (slash >= 0) method = method.substring(0, slash);
      // RFC 8601 §2.2: a method is a Keyword; anything else (an unterminated quoted string ran on
      // past its ';', binary junk) is not a result
      if (!method.matches("[a-z0-9][a-z0-9_.-]*")) {
        bad++;
        continue;
      }
      String result = tokens[0].substring(eq + 1).toLowerCase(Locale.ROOT);
      Optional<String> reason = Optional.empty();
      Map<String, String> props = new LinkedHashMap<>();
      for (int i = 1; i < tokens.length; i++) {
        int e = tokens[i].indexOf('=');
        if (e <= 0) continue;
        String k = tokens[i].substring(0, e).toLowerCase(Locale.ROOT);
        String v = unquote(tokens[i].substring(e + 1));
        if (k.equals("reason")) reason = Optional.of(v);
        else props.putIfAbsent(k, v);
      }
      entries.add(new Entry(method, result, reason, props, comment));
    }
    return new AuthResults(id, entries, bad, raw);
  }

  /** Splits at ';' outside comments and quoted strings. */
  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '"' && depth == 0) quoted = !quoted;
      else if (!quoted && c == '(') depth++;
      else if (!quoted && c == ')' && depth > 0) depth--;
      else if (!quoted && depth == 0 && c == ';') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /** Tokens separated by whitespace outside quotes; "a = b" is read as "a=b". */
  private static String[] tokens(String s) {
    String joined = s.replaceAll("\\s*=\\s*", "=");
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '"') quoted = !quoted;
      if (!quoted && Character.isWhitespace(c)) {
        if (!cur.isEmpty()) out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(c);
    }
    if (!cur.isEmpty()) out.add(cur.toString());
    return out.isEmpty() ? new String[] {""} : out.toArray(String[]::new);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  static String stripComments(String s) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && depth == 0) quoted = !quoted;
      if (!quoted && c == '(') depth++;
      else if (!quoted && c == ')' && depth > 0) depth--;
      else if (depth == 0) b.append(c);
    }
    return b.toString();
  }

  private static String comments(String s) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        if (depth++ == 0) {
          if (!b.isEmpty()) b.append("; ");
          continue;
        }
      } else if (c == ')' && depth > 0) {
        if (--depth == 0) continue;
      }
      if (depth > 0) b.append(c);
    }
    return b.toString().strip();
  }
}
