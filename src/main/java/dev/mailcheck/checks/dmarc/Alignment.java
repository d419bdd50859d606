package dev.mailcheck.checks.dmarc;

import java.util.Locale;
import java.util.Optional;

/** Identifier alignment mode ({@code adkim=}, {@code aspf=}; RFC 9989 §4.4). */
public enum Alignment {
  RELAXED,
  STRICT;

  public static Optional<Alignment> parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "r" -> Optional.of(RELAXED);
      case "s" -> Optional.of(STRICT);
      default -> Optional.empty();
    };
  }

  public String token() {
    return this == RELAXED ? "r" : "s";
  }
}
