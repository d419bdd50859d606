package dev.mailcheck.cli;

import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host and address arguments as users type them, checked the same way for every command: a valid
 * address literal, a domain name, or a usage error (exit 2). Never asks DNS.
 *
 * <p>A name whose last label is a number ({@code 127.0.0.256}, {@code 127.0.20.011}, {@code
 * 0x7f.1}) is a mistyped address, not a host name: no top-level domain is all-numeric (RFC 3696
 * §2), and some resolvers would read {@code 011} as octal. Sending it to DNS would only turn a typo
 * into a timeout or NXDOMAIN.
 */
final class Hosts {
  private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0[xX][0-9a-fA-F]*");

  private Hosts() {}

  /**
   * A host to connect to ({@code smtp}, {@code ports}): an address literal, which must be one a
   * host can have (not 0.0.0.0, ::, multicast or broadcast), as given; or a domain name, normalized
   * (A-labels, lower case, no trailing dot).
   */
  static String host(String input) {
    Optional<InetAddress> literal = InetAddresses.parse(input);
    if (literal.isPresent()) {
      requireHostAddress(literal.get(), input, "give the address of a mail server");
      return input.strip();
    }
    refuseMalformedAddress(input);
    return DomainNames.normalize(input);
  }

  /** Exit 2 when {@code address} is one no host has; {@code advice} ends the message. */
  static void requireHostAddress(InetAddress address, String input, String advice) {
    notAHostAddress(address)
        .ifPresent(
            what -> {
              throw new InputException(
                  "'"
                      + DomainNames.printable(input.strip())
                      + "' is "
                      + what
                      + ", not the address of a host; "
                      + advice);
            });
  }

  /**
   * What {@code address} is when no host has it (so nothing can be probed there and its reverse DNS
   * means nothing), else empty.
   */
  static Optional<String> notAHostAddress(InetAddress address) {
    if (address.isAnyLocalAddress()) return Optional.of("the unspecified address");
    if (address.isMulticastAddress()) return Optional.of("a multicast address");
    byte[] b = address.getAddress();
    if (b.length == 4 && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff)
      return Optional.of("the broadcast address");
    return Optional.empty();
  }

  /**
   * Exit 2 when {@code input} is not an address literal but looks like a mistyped one: its last
   * label is a number, or it holds a ':' (only IPv6 literals do).
   */
  static void refuseMalformedAddress(String input) {
    String s = input.strip();
    if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    String last = s.substring(s.lastIndexOf('.') + 1);
    if (s.contains(":")) {
      throw new InputException(
          "'" + DomainNames.printable(input.strip()) + "' is not a valid IPv6 address");
    }
    if (!s.isEmpty() && NUMERIC_LABEL.matcher(last).matches()) {
      throw new InputException(
          "'"
              + DomainNames.printable(input.strip())
              + "' is not a valid IP address (IPv4 is four numbers 0-255 without leading zeros)"
              + " nor a host name (no top-level domain is a number)");
    }
  }
}
