package dev.mailcheck.checks.blocklist;

import dev.mailcheck.internal.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One documented answer of a list: an address or range ({@code 127.0.0.4}–{@code 127.0.0.7}), or
 * for a bitmask list, bits of the last octet ({@code 127.0.0.x} with {@code x & bits != 0}).
 *
 * @param from first address of the range, as a 32-bit number (unused when {@code bits != 0})
 * @param to last address of the range
 * @param bits the bits of a bitmask code, or 0 for a range
 * @param impact overrides the list's impact for this code (URIBL grey), or empty
 * @param reason for an error code: why the list did not answer
 */
public record ReturnCode(
    long from,
    long to,
    int bits,
    Type type,
    String meaning,
    Optional<Blocklist.Impact> impact,
    Optional<ErrorReason> reason) {
  public ReturnCode {
    Objects.requireNonNull(type);
    Objects.requireNonNull(meaning);
    if (bits == 0 && to < from) throw new IllegalArgumentException("range ends before it starts");
  }

  /** What an answer says. */
  public enum Type {
    /** Listed for sending spam or abuse. */
    LISTED,
    /** Listed by policy (Spamhaus PBL): not for direct-to-MX delivery; says nothing of spam. */
    POLICY,
    /** Not an answer about the address: the list refused, or the query was wrong. */
    ERROR
  }

  /** Why a list gave no usable answer; the finding explains each. */
  public enum ErrorReason {
    /** The list refuses public or open resolvers (Spamhaus 127.255.255.254, SURBL 127.0.0.1). */
    PUBLIC_RESOLVER,
    /** The resolver asked too often (Spamhaus 127.255.255.255). */
    RATE_LIMIT,
    /** The query was malformed (wrong zone name, IP asked of a domain list). */
    MISCONFIGURED,
    /** 127.0.0.1 where the list does not document it: refusal, or a list that answers all. */
    LOOPBACK_ANSWER,
    /** An answer outside 127.0.0.0/8: a resolver rewriting NXDOMAIN, or a dead list's domain. */
    NOT_LOOPBACK,
    /** In 127/8 but not among the list's codes: the list changed or was shut down. */
    UNDOCUMENTED,
    /** The lookup itself failed: timeout, SERVFAIL, REFUSED. */
    LOOKUP_FAILED
  }

  static ReturnCode range(
      String from, String to, Type type, String meaning, Blocklist.Impact impact) {
    return new ReturnCode(
        number(from), number(to), 0, type, meaning, Optional.ofNullable(impact), Optional.empty());
  }

  static ReturnCode error(String at, ErrorReason reason, String meaning) {
    return new ReturnCode(
        number(at), number(at), 0, Type.ERROR, meaning, Optional.empty(), Optional.of(reason));
  }

  /** Whether an answer address (a 32-bit number) is this code. */
  public boolean matches(long answer) {
    if (bits != 0) return (answer >>> 8) == 0x7f0000 && (answer & bits) != 0;
    return answer >= from && answer <= to;
  }

  /** An IPv4 address as an unsigned 32-bit number. */
  static long number(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != 4) throw new IllegalArgumentException("not IPv4: " + a);
    return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
  }

  static long number(String dotted) {
    InetAddress a =
        InetAddresses.parse(dotted)
            .filter(x -> x.getAddress().length == 4)
            .orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + dotted));
    return number(a);
  }
}
