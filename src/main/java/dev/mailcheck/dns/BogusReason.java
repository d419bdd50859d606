package dev.mailcheck.dns;

/**
 * Why an answer is bogus, from the Extended DNS Error code the validator gives (RFC 8914 §4), so
 * that evaluators and remedies never match message text.
 */
public enum BogusReason {
  SIGNATURE_EXPIRED,
  SIGNATURE_NOT_YET_VALID,
  /** No DNSKEY matches a DS, or no key of the zone verifies the signatures. */
  DNSKEY_MISSING,
  RRSIGS_MISSING,
  NSEC_MISSING,
  UNSUPPORTED_ALGORITHM,
  /** Any other validation failure (a signature that does not verify, a broken chain). */
  OTHER;

  /** RFC 8914 §4 INFO-CODEs. */
  static BogusReason ofEde(int code) {
    return switch (code) {
      case 7 -> SIGNATURE_EXPIRED;
      case 8 -> SIGNATURE_NOT_YET_VALID;
      case 9 -> DNSKEY_MISSING;
      case 10 -> RRSIGS_MISSING;
      case 12 -> NSEC_MISSING;
      case 1, 2 -> UNSUPPORTED_ALGORITHM;
      default -> OTHER;
    };
  }
}
