package dev.mailcheck.checks.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 5322 §3.4 mailbox lists, read far enough to find each addr-spec and its domain. */
final class Addresses {
  private Addresses() {}

  private static final Pattern ADDR_SPEC =
      Pattern.compile(
          "[^\\s@<>()\\[\\],;:\"]+(\\.[^\\s@<>()\\[\\],;:\"]+)*@[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+\\.?|\"[^\"]*\"@[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

  /** The addr-specs of a mailbox-list; an entry that holds none is returned as "" (malformed). */
  static List<String> mailboxes(String value) {
    List<String> out = new ArrayList<>();
    for (String part : splitList(AuthResults.stripComments(value.replace("\r\n", " ")))) {
      if (part.isBlank()) continue;
      String p = part.strip();
      int lt = p.lastIndexOf('<');
      int gt = p.lastIndexOf('>');
      String spec = lt >= 0 && gt > lt ? p.substring(lt + 1, gt).strip() : p;
      // Strip a group name ("undisclosed-recipients:;") and route syntax.
      if (spec.contains(":") && !spec.startsWith("\""))
        spec = spec.substring(spec.lastIndexOf(':') + 1);
      out.add(ADDR_SPEC.matcher(spec).matches() ? spec : "");
    }
    return out;
  }

  /** The domain of an address, lower case, without a trailing dot. */
  static Optional<String> domain(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0 || at == address.length() - 1) return Optional.empty();
    String d = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
    return d.contains(".") ? Optional.of(d) : Optional.empty();
  }

  /** A Return-Path or MAIL FROM value: the path inside &lt;&gt; ("" for the null sender). */
  static String path(String value) {
    String v = AuthResults.stripComments(value.replace("\r\n", " ")).strip();
    int lt = v.indexOf('<');
    int gt = v.lastIndexOf('>');
    if (lt >= 0 && gt > lt) v = v.substring(lt + 1, gt).strip();
    if (v.contains(":") && v.startsWith("@")) v = v.substring(v.indexOf(':') + 1);
    return v;
  }

  private static List<String> splitList(String s) {
    List<String> out = new ArrayList<>();
    boolean quoted = false;
    int angle = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') quoted = !quoted;
      else if (!quoted && c == '<') angle++;
      else if (!quoted && c == '>' && angle > 0) angle--;
      else if (!quoted && angle == 0 && c == ',') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
