package dev.mailcheck.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Addresses that mail from the internet cannot reach: loopback, private, link-local, shared,
 * documentation, benchmarking and reserved ranges from the IANA IPv4 and IPv6 special-purpose
 * address registries (RFC 6890 and its updates). Labs and internal mail servers legitimately use
 * them, hence {@code --allow-private}.
 */
public final class SpecialAddresses {
  private record Range(byte[] prefix, int bits, String label) {
    boolean contains(byte[] a) {
      return InetAddresses.inPrefix(a, prefix, bits);
    }
  }

  private static final List<Range> RANGES =
      List.of(
          v4("0.0.0.0", 8, "\"this network\" (RFC 791)"),
          v4("10.0.0.0", 8, "private (RFC 1918)"),
          v4("100.64.0.0", 10, "shared address space, carrier-grade NAT (RFC 6598)"),
          v4("127.0.0.0", 8, "loopback (RFC 1122)"),
          v4("169.254.0.0", 16, "link-local (RFC 3927)"),
          v4("172.16.0.0", 12, "private (RFC 1918)"),
          v4("192.0.0.0", 24, "IETF protocol assignments (RFC 6890)"),
          v4("192.0.2.0", 24, "documentation TEST-NET-1 (RFC 5737)"),
          v4("192.88.99.0", 24, "deprecated 6to4 relay anycast (RFC 7526)"),
          v4("192.168.0.0", 16, "private (RFC 1918)"),
          v4("198.18.0.0", 15, "benchmarking (RFC 2544)"),
          v4("198.51.100.0", 24, "documentation TEST-NET-2 (RFC 5737)"),
          v4("203.0.113.0", 24, "documentation TEST-NET-3 (RFC 5737)"),
          v4("224.0.0.0", 4, "multicast (RFC 5771)"),
          v4("240.0.0.0", 4, "reserved (RFC 1112)"),
          v6("::", 128, "unspecified (RFC 4291)"),
          v6("::1", 128, "loopback (RFC 4291)"),
          v6("::ffff:0:0", 96, "IPv4-mapped (RFC 4291)"),
          v6("64:ff9b:1::", 48, "local-use IPv4/IPv6 translation (RFC 8215)"),
          v6("100::", 64, "discard-only (RFC 6666)"),
          v6("2001:db8::", 32, "documentation (RFC 3849)"),
          v6("2001::", 23, "IETF protocol assignments (RFC 2928)"),
          v6("3fff::", 20, "documentation (RFC 9637)"),
          v6("fc00::", 7, "unique local (RFC 4193)"),
          v6("fe80::", 10, "link-local (RFC 4291)"),
          v6("ff00::", 8, "multicast (RFC 4291)"));

  private SpecialAddresses() {}

  /** The special-purpose range the address falls in, e.g. "private (RFC 1918)"; empty if global. */
  public static Optional<String> classify(InetAddress address) {
    byte[] a = address.getAddress();
    return RANGES.stream().filter(r -> r.contains(a)).map(Range::label).findFirst();
  }

  private static Range v4(String prefix, int bits, String label) {
    return new Range(literal(prefix, Inet4Address.class), bits, label);
  }

  private static Range v6(String prefix, int bits, String label) {
    return new Range(literal(prefix, Inet6Address.class), bits, label);
  }

  private static byte[] literal(String s, Class<? extends InetAddress> kind) {
    // Literals only: InetAddress parses them without touching DNS. IPv4-mapped literals come back
    // as Inet4Address, so the mapped range is built by hand.
    if (s.equals("::ffff:0:0")) {
      byte[] b = new byte[16];
      b[10] = (byte) 0xff;
      b[11] = (byte) 0xff;
      return b;
    }
    InetAddress a =
        InetAddresses.parse(s)
            .filter(kind::isInstance)
            .orElseThrow(() -> new IllegalStateException(s));
    return a.getAddress();
  }
}
