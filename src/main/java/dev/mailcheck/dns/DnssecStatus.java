package dev.mailcheck.dns;

/** The security status of a validated answer (RFC 4035 §4.3). */
public enum DnssecStatus {
  /** A chain of signatures from a trust anchor to the answer validated. */
  SECURE,
  /** Proven unsigned: a signed parent proves the delegation has no DS (or no anchor covers it). */
  INSECURE,
  /** Should be signed but does not validate: expired, missing or wrong signatures or keys. */
  BOGUS,
  /** The lookups the validation needed failed (timeout, SERVFAIL): nothing can be said. */
  INDETERMINATE
}
