package dev.mailcheck.dns;

import java.util.Arrays;
import java.util.Optional;

/** The DNS record types mailcheck asks for. Codes are the IANA RR type numbers. */
public enum RecordType {
  A(1),
  NS(2),
  CNAME(5),
  SOA(6),
  PTR(12),
  MX(15),
  TXT(16),
  AAAA(28),
  /** Obsolete SPF RR type (RFC 7208 §3.1 says it must not be used); asked for only to flag it. */
  SPF(99),
  TLSA(52),
  CAA(257),
  /** DNSSEC (RFC 4034): asked for and kept only by the validator's signed questions. */
  DNAME(39),
  DS(43),
  RRSIG(46),
  NSEC(47),
  DNSKEY(48),
  NSEC3(50),
  NSEC3PARAM(51);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<RecordType> ofCode(int code) {
    return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
  }
}
