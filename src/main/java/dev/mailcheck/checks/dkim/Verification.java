package dev.mailcheck.checks.dkim;

import java.util.List;

/**
 * Everything {@code dkim verify} learned about a message.
 *
 * @param signatures one result per DKIM-Signature, top first
 * @param lineEndingsConverted the input had bare LF line ends, read as CRLF
 */
public record Verification(List<SignatureResult> signatures, boolean lineEndingsConverted) {
  public Verification {
    signatures = List.copyOf(signatures);
  }

  /** RFC 6376 §6.1: the message passes if any signature passes. */
  public boolean anyPass() {
    return signatures.stream().anyMatch(s -> s.result() == DkimResult.PASS);
  }
}
