package dev.mailcheck.checks.ptr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses an IPv4 or IPv6 address literal without ever consulting DNS ({@link
 * InetAddress#getByName} would resolve a host name, so only strings that can only be literals reach
 * it).
 */
public final class IpLiteral {
  private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiteral() {}

  /** The address, or empty when the text is not exactly one IPv4 or IPv6 literal (no zone ids, no brackets). */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) return Optional.empty();
    String s = text.strip();
    if (V4.matcher(s).matches()) return literal(s);
    if (s.contains(":") && V6.matcher(s).matches()) return literal(s);
    return Optional.empty();
  }

  private static Optional<InetAddress> literal(String s) {
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The address as text: dotted quad, or RFC 5952 canonical IPv6 (lower case, longest zero run as "::"). */
  public static String format(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) return address.getHostAddress();
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) j++;
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** The reverse-lookup name: {@code 1.2.0.192.in-addr.arpa} or the 32 nibbles under {@code ip6.arpa}. */
  public static String reverseName(InetAddress address) {
    byte[] b = address.getAddress();
    StringBuilder sb = new StringBuilder();
    if (b.length == 4) {
      for (int i = 3; i >= 0; i--) sb.append(b[i] & 0xff).append('.');
      return sb.append("in-addr.arpa").toString();
    }
    for (int i = 15; i >= 0; i--) {
      sb.append(Character.forDigit(b[i] & 0x0f, 16)).append('.');
      sb.append(Character.forDigit((b[i] >> 4) & 0x0f, 16)).append('.');
    }
    return sb.append("ip6.arpa").toString();
  }
}
