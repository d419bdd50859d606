package dev.mailcheck.checks.dmarc;

import java.util.Locale;
import java.util.Optional;

/** Requested handling of failing mail ({@code p=}, {@code sp=}, {@code np=}), weakest first. */
public enum Policy {
  NONE,
  QUARANTINE,
  REJECT;

  /** Case-insensitive, as receivers compare it. */
  public static Optional<Policy> parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> Optional.of(NONE);
      case "quarantine" -> Optional.of(QUARANTINE);
      case "reject" -> Optional.of(REJECT);
      default -> Optional.empty();
    };
  }

  public boolean weakerThan(Policy other) {
    return ordinal() < other.ordinal();
  }

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
