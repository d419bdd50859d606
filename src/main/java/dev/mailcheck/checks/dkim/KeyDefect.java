package dev.mailcheck.checks.dkim;

/**
 * Why a published key record cannot verify mail. Each makes every signature that uses the key a
 * permerror (RFC 6376 §6.1.2, RFC 8301), so the audit never calls such a key "found" and passing.
 */
enum KeyDefect {
  /** Several TXT records at the selector: "the results are undefined" (RFC 6376 §3.6.2.2). */
  SEVERAL_RECORDS,
  /** The record or its {@code p=} cannot be parsed, or {@code k=} is unknown. */
  SYNTAX,
  /** Empty {@code p=}: the key was withdrawn (RFC 6376 §3.6.1). */
  REVOKED,
  /** {@code s=} lists neither {@code email} nor {@code *} (RFC 6376 §3.6.1). */
  NOT_FOR_EMAIL,
  /**
   * {@code h=} does not allow sha256: only rsa-sha1 could use the key, which RFC 8301 §3.1 forbids
   * (and ed25519-sha256 needs sha256).
   */
  NO_ACCEPTABLE_HASH,
  /** RSA under 1024 bits: verifiers MUST NOT accept it (RFC 8301 §3.2). */
  RSA_TOO_SHORT
}
