package dev.mailcheck.checks.dmarc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The published record with only its broken parts corrected, for remedies. It keeps the owner's
 * intent: a broken {@code p=reject} record is never "fixed" into {@code p=none}. Rules, per
 * tag-spec:
 *
 * <ul>
 *   <li>{@code v=DMARC1} goes first, exactly spelled; every other tag keeps its place and text.
 *   <li>A policy value that is a plain misspelling is corrected ({@code p=rejected} → {@code
 *       p=reject}, {@code sp=quarantin} → {@code sp=quarantine}); an {@code sp}/{@code np} that
 *       cannot be read is removed (it then inherits {@code p}); a {@code p} that cannot be read
 *       gives no suggestion at all, because only the owner knows what was meant.
 *   <li>{@code adkim}/{@code aspf}/{@code t}/{@code psd}: the first letter when it is a valid value
 *       ({@code adkim=strict} → {@code adkim=s}); else the tag is removed, which is the default
 *       receivers use anyway. {@code fo}: the valid options are kept.
 *   <li>Report URIs: {@code mailto:} added to a bare address, a bad {@code !size} suffix dropped;
 *       entries still unreadable are removed.
 *   <li>Empty terms ({@code ;;}), terms without {@code =}, bad tag names and later duplicates are
 *       removed (receivers ignore them too).
 *   <li>No {@code p} at all: {@code p=none} is added after {@code v} (what a record without a
 *       policy gives at best; not a downgrade).
 * </ul>
 *
 * The result is checked with {@link DmarcParser}: a suggestion the parser would not accept as valid
 * is never returned.
 */
final class DmarcRepair {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Set<String> FO = Set.of("0", "1", "d", "s");

  private DmarcRepair() {}

  static Optional<String> repair(String text) {
    List<String> out = new ArrayList<>();
    out.add("v=DMARC1");
    Set<String> seen = new HashSet<>(Set.of("v"));
    boolean pUnreadable = false;
    boolean pSeen = false;
    for (String raw : text.split(";", -1)) {
      String term = raw.strip();
      int eq = term.indexOf('=');
      if (eq < 0) continue;
      String name = term.substring(0, eq).strip();
      String value = printable(term.substring(eq + 1).strip());
      String key = name.toLowerCase(Locale.ROOT);
      if (!NAME.matcher(name).matches() || !seen.add(key)) continue;
      Optional<String> fixed =
          switch (key) {
            case "p", "sp", "np" -> guessPolicy(value).map(Policy::token);
            case "adkim", "aspf" -> letter(value, "rs");
            case "t" -> letter(value, "yn");
            case "psd" -> letter(value, "ynu");
            case "fo" -> fo(value);
            case "rua", "ruf" -> uris(value);
            default -> Optional.of(value);
          };
      if (key.equals("p")) {
        pSeen = true;
        pUnreadable = fixed.isEmpty();
      }
      fixed.ifPresent(v -> out.add(name + "=" + v));
    }
    if (pUnreadable) return Optional.empty();
    if (!pSeen) out.add(1, "p=none");
    String record = String.join("; ", out);
    return DmarcParser.parse(record).valid() ? Optional.of(record) : Optional.empty();
  }

  /**
   * The policy a value stands for: exact (any case), or an unambiguous misspelling: the keyword
   * with a suffix ("rejected"), a prefix of at least three letters ("quar"), or at most two edits
   * ("rejct").
   */
  static Optional<Policy> guessPolicy(String value) {
    Optional<Policy> exact = Policy.parse(value);
    if (exact.isPresent()) return exact;
    String v = value.toLowerCase(Locale.ROOT);
    List<Policy> close = new ArrayList<>();
    for (Policy p : Policy.values()) {
      String token = p.token();
      if (v.startsWith(token)
          || v.length() >= 3 && token.startsWith(v)
          || v.length() >= 3 && distance(v, token) <= 2) close.add(p);
    }
    return close.size() == 1 ? Optional.of(close.get(0)) : Optional.empty();
  }

  private static Optional<String> letter(String value, String allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.isEmpty() || allowed.indexOf(v.charAt(0)) < 0) return Optional.empty();
    return Optional.of(v.substring(0, 1));
  }

  private static Optional<String> fo(String value) {
    List<String> parts =
        List.of(value.toLowerCase(Locale.ROOT).split("\\s*:\\s*")).stream()
            .filter(FO::contains)
            .distinct()
            .toList();
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(":", parts));
  }

  private static Optional<String> uris(String value) {
    List<String> kept = new ArrayList<>();
    for (String part : value.split(",")) {
      String u = part.strip();
      if (u.isEmpty()) continue;
      if (!u.contains(":") && u.contains("@")) u = "mailto:" + u;
      if (ReportUri.parse(u) instanceof ReportUri.Bad && u.contains("!"))
        u = u.substring(0, u.indexOf('!'));
      if (ReportUri.parse(u) instanceof ReportUri.Ok) kept.add(u);
    }
    return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(",", kept));
  }

  /** Drops the characters RFC 6376 §3.2 does not allow in a value (controls, DEL). */
  private static String printable(String v) {
    StringBuilder sb = new StringBuilder();
    for (char c : v.toCharArray()) if (c >= 0x20 && c != 0x7f || c == '\t') sb.append(c);
    return sb.toString();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
