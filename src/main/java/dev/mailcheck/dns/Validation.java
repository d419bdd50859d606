package dev.mailcheck.dns;

import java.util.Objects;
import java.util.Optional;

/**
 * One question validated by mailcheck itself ({@link DnssecValidator}).
 *
 * @param answer the reply as the resolver sent it (asked with DO and CD): outcome and sections,
 *     whatever the verdict
 * @param status secure, insecure, bogus or indeterminate
 * @param zone the zone whose keys signed the answer (the RRSIG signer), when signed
 * @param reason the validator's words: why bogus, why insecure, which lookup failed; empty when
 *     secure
 * @param bogusReason the typed cause when bogus
 * @param insecureProof for an insecure answer below a trust anchor: the signed NSEC/NSEC3 record by
 *     which the parent proves the delegation has no DS (RFC 4035 §5.2), in presentation form
 * @param anchor the trust anchor the chain starts from ("" for the root), when one covers the name
 */
public record Validation(
    SignedAnswer answer,
    DnssecStatus status,
    Optional<String> zone,
    String reason,
    Optional<BogusReason> bogusReason,
    Optional<String> insecureProof,
    Optional<String> anchor) {
  public Validation {
    Objects.requireNonNull(answer);
    Objects.requireNonNull(status);
    Objects.requireNonNull(reason);
  }

  public DnsQuestion question() {
    return answer.question();
  }

  /** The outcome of the question (records, NODATA, NXDOMAIN or the failure). */
  public DnsResult outcome() {
    return answer.outcome();
  }

  /** The AD bit the upstream resolver set: shown, never trusted. */
  public boolean upstreamAd() {
    return answer.authenticData();
  }

  public boolean secure() {
    return status == DnssecStatus.SECURE;
  }
}
