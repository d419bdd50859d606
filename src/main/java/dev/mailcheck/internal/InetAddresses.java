package dev.mailcheck.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses as text, both ways, and their reverse names; never asks DNS.
 *
 * <pre>{@code
 * InetAddresses.parse("[2001:DB8::10]")     // Optional[/2001:db8:0:0:0:0:0:10]
 * InetAddresses.parse("01.2.3.4")           // Optional.empty (leading zero: octal to some parsers)
 * InetAddresses.format(addr)                // "2001:db8::10" (RFC 5952)
 * InetAddresses.reverseName("192.0.2.1")    // "1.2.0.192.in-addr.arpa"
 * }</pre>
 */
public final class InetAddresses {
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private InetAddresses() {}

  /**
   * Parses an IPv4 dotted quad (no leading zeros, which some parsers read as octal) or an IPv6
   * literal, optionally in brackets; never asks DNS. Zone ids ("%eth0") are not accepted.
   */
  public static Optional<InetAddress> parse(String input) {
    if (input == null) return Optional.empty();
    String s = input.strip();
    if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
    try {
      byte[] quad = dottedQuad(s);
      if (quad != null) return Optional.of(InetAddress.getByAddress(quad));
      if (s.contains(":") && IPV6_CHARS.matcher(s).matches()) {
        // Only characters of a literal reach getByName, so it parses and never resolves.
        return Optional.of(InetAddress.getByName("[" + s + "]"));
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Four decimal octets 0-255 without leading zeros, dot-separated, or null. */
  private static byte[] dottedQuad(String s) {
    byte[] b = new byte[4];
    int i = 0;
    for (int part = 0; part < 4; part++) {
      int start = i;
      int n = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 4) {
        n = n * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || n > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return null;
      }
      b[part] = (byte) n;
      if (part < 3) {
        if (i >= s.length() || s.charAt(i) != '.') return null;
        i++;
      }
    }
    return i == s.length() ? b : null;
  }

  /** True for what {@link #parse} accepts: an IPv4 dotted quad or an IPv6 literal. */
  public static boolean isLiteral(String input) {
    return parse(input).isPresent();
  }

  /**
   * The address as people write it: a dotted quad, or IPv6 in the RFC 5952 §4 canonical form (lower
   * case, no leading zeros, the longest run of two or more zero groups as "::", the first if tied).
   */
  public static String format(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) return address.getHostAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  /**
   * True when the first {@code bits} bits of {@code address} and {@code prefix} agree: CIDR
   * containment ("192.0.2.0/24" holds 192.0.2.7). Addresses of different families never match.
   */
  public static boolean inPrefix(byte[] address, byte[] prefix, int bits) {
    if (address.length != prefix.length) return false;
    if (bits < 0) return false;
    for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((address[i] & mask) != (prefix[i] & mask)) return false;
    }
    return true;
  }

  /**
   * The PTR name of an address: "1.2.0.192.in-addr.arpa" (RFC 1035 §3.5) or the nibble form under
   * "ip6.arpa" (RFC 3596 §2.5), lower case. An IPv4-mapped IPv6 literal (::ffff:192.0.2.1) is
   * treated as the IPv4 address, as Java parses it.
   */
  public static String reverseName(InetAddress address) {
    byte[] b = address.getAddress();
    StringBuilder sb = new StringBuilder();
    if (b.length == 4) {
      for (int i = 3; i >= 0; i--) sb.append(b[i] & 0xff).append('.');
      return sb.append("in-addr.arpa").toString();
    }
    String hex = "0123456789abcdef";
    for (int i = b.length - 1; i >= 0; i--) {
      sb.append(hex.charAt(b[i] & 0xf))
          .append('.')
          .append(hex.charAt((b[i] >> 4) & 0xf))
          .append('.');
    }
    return sb.append("ip6.arpa").toString();
  }

  /**
   * @throws InputException "'300.1.1.1' is not an IP address"
   */
  public static String reverseName(String literal) {
    return reverseName(
        parse(literal)
            .orElseThrow(
                () ->
                    new InputException(
                        "'"
                            + DomainNames.printable(String.valueOf(literal).strip())
                            + "' is not an IP address")));
  }
}
