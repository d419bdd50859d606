package dev.mailcheck.checks.dmarc;

import crawlercommons.domains.EffectiveTldFinder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The RFC 7489 §3.2 organizational domain: the public suffix plus one label, from the Public Suffix
 * List bundled with crawler-commons (ICANN and private sections). A name under a suffix the list
 * does not know (".test", ".internal") is treated as if its last label were a suffix.
 *
 * <p>The list is read here, with the publicsuffix.org algorithm (exception rules win, else the rule
 * with the most labels, else {@code *}), rather than with crawler-commons' own finder: that one
 * converts every internationalized rule with {@link java.net.IDN} while loading, which cost about
 * 0.3 s of CPU at each cold start. Here the rules stay as written and a name is converted to
 * U-labels only when it has an {@code xn--} label. {@code PublicSuffixesTest} compares the two on
 * every rule of the list.
 */
public final class PublicSuffixes {
  private static volatile String version;

  private PublicSuffixes() {}

  public static String organizationalDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
    if (d.isEmpty() || d.startsWith(".") || d.contains("..")) return d;
    String[] labels = d.split("\\.");
    String[] match = labels;
    if (d.contains("xn--")) {
      match = new String[labels.length];
      for (int i = 0; i < labels.length; i++) match[i] = unicode(labels[i]);
    }
    int suffix = Rules.LIST.suffixLabels(match);
    if (suffix >= labels.length) return d;
    return String.join(
        ".", java.util.Arrays.copyOfRange(labels, labels.length - suffix - 1, labels.length));
  }

  private static String unicode(String label) {
    if (!label.startsWith("xn--")) return label;
    try {
      return java.net.IDN.toUnicode(label, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return label;
    }
  }

  /** The list's rules, read once on first use. */
  private record Rules(Set<String> exact, Set<String> wildcard, Set<String> exception) {
    static final Rules LIST = load();

    /** Labels in the public suffix of a name (given as labels, U-labels for IDNs), at least 1. */
    int suffixLabels(String[] labels) {
      int best = 1;
      for (int i = 0; i < labels.length; i++) {
        String tail = String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length));
        int n = labels.length - i;
        if (exception.contains(tail)) return n - 1;
        if (exact.contains(tail)) best = Math.max(best, n);
        if (i > 0 && wildcard.contains(tail)) best = Math.max(best, n + 1);
      }
      return best;
    }

    private static Rules load() {
      Set<String> exact = new HashSet<>(16_384);
      Set<String> wildcard = new HashSet<>();
      Set<String> exception = new HashSet<>();
      try (InputStream in = EffectiveTldFinder.class.getResourceAsStream(resource())) {
        if (in != null) {
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          for (String line; (line = r.readLine()) != null; ) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("//")) continue;
            int space = rule.indexOf(' ');
            if (space > 0) rule = rule.substring(0, space);
            rule = rule.toLowerCase(Locale.ROOT);
            if (rule.startsWith("!")) exception.add(rule.substring(1));
            else if (rule.startsWith("*.")) wildcard.add(rule.substring(2));
            else exact.add(rule);
          }
        }
      } catch (IOException e) {
        // no list: every name's last label is its suffix
      }
      return new Rules(Set.copyOf(exact), Set.copyOf(wildcard), Set.copyOf(exception));
    }
  }

  private static String resource() {
    return EffectiveTldFinder.ETLD_DATA.startsWith("/")
        ? EffectiveTldFinder.ETLD_DATA
        : "/" + EffectiveTldFinder.ETLD_DATA;
  }

  /** Both names under the same organizational domain (RFC 7489 §3.2 relaxed alignment). */
  public static boolean sameOrganization(String a, String b) {
    return organizationalDomain(a).equals(organizationalDomain(b));
  }

  /** The bundled list's "// VERSION:" line, e.g. "2025-11-27_13-27-58_UTC", or "unknown". */
  public static String listVersion() {
    String v = version;
    if (v != null) return v;
    String found = "unknown";
    try (InputStream in = EffectiveTldFinder.class.getResourceAsStream(resource())) {
      if (in != null) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (int i = 0; i < 50; i++) {
          String line = r.readLine();
          if (line == null) break;
          if (line.startsWith("// VERSION:")) {
            found = line.substring("// VERSION:".length()).strip();
            break;
          }
        }
      }
    } catch (IOException e) {
      found = "unknown";
    }
    version = found;
    return found;
  }
}
