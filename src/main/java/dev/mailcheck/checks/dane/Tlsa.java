package dev.mailcheck.checks.dane;

import java.util.HexFormat;
import java.util.Optional;

/**
 * One TLSA record (RFC 6698 §2.1): certificate usage, selector, matching type, association data.
 *
 * @param data the certificate association data, lower-case hex
 */
public record Tlsa(int usage, int selector, int matchingType, String data) {
  public static final int PKIX_TA = 0;
  public static final int PKIX_EE = 1;
  public static final int DANE_TA = 2;
  public static final int DANE_EE = 3;

  /** Parses the presentation form "3 1 1 ABCD..." (hex may be split by blanks). */
  public static Optional<Tlsa> parse(String presentation) {
    String[] f = presentation.strip().split("\\s+", 4);
    if (f.length < 4) return Optional.empty();
    try {
      int u = Integer.parseInt(f[0]);
      int s = Integer.parseInt(f[1]);
      int m = Integer.parseInt(f[2]);
      String hex = f[3].replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
      HexFormat.of().parseHex(hex);
      if (u < 0 || u > 255 || s < 0 || s > 255 || m < 0 || m > 255) return Optional.empty();
      return Optional.of(new Tlsa(u, s, m, hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** RFC 7218 mnemonic of the usage. */
  public String usageName() {
    return switch (usage) {
      case PKIX_TA -> "PKIX-TA";
      case PKIX_EE -> "PKIX-EE";
      case DANE_TA -> "DANE-TA";
      case DANE_EE -> "DANE-EE";
      default -> "usage " + usage;
    };
  }

  /**
   * SMTP senders use only DANE-TA and DANE-EE with a known selector and matching type (RFC 7672
   * §3.1.3: PKIX-TA and PKIX-EE are unusable; RFC 6698 §4.1: unknown parameters are unusable).
   */
  public boolean usableForSmtp() {
    return (usage == DANE_TA || usage == DANE_EE)
        && (selector == 0 || selector == 1)
        && (matchingType >= 0 && matchingType <= 2);
  }

  public String presentation() {
    return usage + " " + selector + " " + matchingType + " " + data;
  }
}
