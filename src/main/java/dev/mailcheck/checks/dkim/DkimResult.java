package dev.mailcheck.checks.dkim;

import java.util.Locale;

/** A signature's result in RFC 8601 §2.7.1 terms. */
public enum DkimResult {
  PASS,
  FAIL,
  NEUTRAL,
  POLICY,
  TEMPERROR,
  PERMERROR;

  /** The lower-case token of Authentication-Results and of the JSON report. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
