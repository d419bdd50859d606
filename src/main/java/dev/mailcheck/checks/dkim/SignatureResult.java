package dev.mailcheck.checks.dkim;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one DKIM-Signature.
 *
 * @param signature the parsed signature
 * @param result the RFC 8601 result
 * @param reason why, in a few words (the Authentication-Results comment)
 * @param key the key record used or found, when one was fetched
 * @param keyCnameChain the CNAMEs followed to reach the key record
 * @param warnings things that do not change the result but weaken it (l=, rsa-sha1, t=y)
 */
public record SignatureResult(
    DkimSignature signature,
    DkimResult result,
    String reason,
    Optional<DkimKey> key,
    List<String> keyCnameChain,
    List<String> warnings) {
  public SignatureResult {
    keyCnameChain = List.copyOf(keyCnameChain);
    warnings = List.copyOf(warnings);
  }

  /** {@code d/s}, the subject of the finding. */
  public String subject() {
    return signature.domain() + "/" + signature.selector();
  }
}
