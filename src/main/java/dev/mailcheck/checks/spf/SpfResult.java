package dev.mailcheck.checks.spf;

import java.util.Locale;

/** The results of {@code check_host()} (RFC 7208 §2.6). */
public enum SpfResult {
  NONE,
  NEUTRAL,
  PASS,
  FAIL,
  SOFTFAIL,
  TEMPERROR,
  PERMERROR;

  /** The RFC's name in lower case, as JSON and the conformance suite write it. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
