package dev.mailcheck.checks.ptr;

import java.net.InetAddress;

/** Addresses as text (RFC 5952 for IPv6) and their reverse names. Parsing is {@link dev.mailcheck.internal.DomainNames#ipLiteral}. */
public final class IpLiteral {
  private IpLiteral() {}

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

  /** The reverse-lookup name: {@code 1.2.0.192.in-addr.arpa} or the nibbles under {@code ip6.arpa}. */
  public static String reverseName(InetAddress address) {
    return dev.mailcheck.internal.DomainNames.reverseName(address);
  }
}
