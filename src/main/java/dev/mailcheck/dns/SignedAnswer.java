package dev.mailcheck.dns;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a question asked with the DO and CD bits (RFC 4035 §3.2.1, §3.2.2), for a DNSSEC
 * validator: the outcome as for any question (NXDOMAIN, NODATA, SERVFAIL and timeouts kept apart),
 * plus the answer and authority sections as the server sent them, RRSIG, NSEC, NSEC3, SOA and DS
 * included. CNAMEs are not chased: the sections are one server reply.
 *
 * @param authenticData the AD bit of the reply: what the upstream resolver claims, shown but never
 *     trusted (RFC 4035 §4.9.3; the validator decides for itself)
 * @param answer every record of the answer section, in order
 * @param authority every record of the authority section, in order
 */
public record SignedAnswer(
    DnsResult outcome, boolean authenticData, List<DnsRecord> answer, List<DnsRecord> authority) {
  public SignedAnswer {
    Objects.requireNonNull(outcome);
    answer = List.copyOf(answer);
    authority = List.copyOf(authority);
  }

  /** A failure (SERVFAIL, REFUSED, timeout): no sections. */
  public static SignedAnswer failed(DnsResult failure) {
    return new SignedAnswer(failure, false, List.of(), List.of());
  }

  public DnsQuestion question() {
    return outcome.question();
  }
}
