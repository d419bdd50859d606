package dev.mailcheck.checks.dmarc;

import crawlercommons.domains.EffectiveTldFinder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The RFC 7489 §3.2 organizational domain: the public suffix plus one label, from the Public
 * Suffix List bundled with crawler-commons (ICANN and private sections). A name under a suffix the
 * list does not know (".test", ".internal") is treated as if its last label were a suffix.
 */
public final class PublicSuffixes {
  private static volatile String version;

  private PublicSuffixes() {}

  public static String organizationalDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    String assigned;
    try {
      assigned = EffectiveTldFinder.getAssignedDomain(d, false, false);
    } catch (RuntimeException e) {
      assigned = null;
    }
    if (assigned == null || assigned.isEmpty()) return d;
    return assigned.toLowerCase(Locale.ROOT);
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
    String resource = EffectiveTldFinder.ETLD_DATA.startsWith("/") ? EffectiveTldFinder.ETLD_DATA : "/" + EffectiveTldFinder.ETLD_DATA;
    try (InputStream in = EffectiveTldFinder.class.getResourceAsStream(resource)) {
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
