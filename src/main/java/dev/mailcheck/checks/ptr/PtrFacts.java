package dev.mailcheck.checks.ptr;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What the reverse and forward lookups of one address returned.
 *
 * @param ptr the PTR lookup of {@code reverseName}
 * @param forwards the A (IPv4) or AAAA (IPv6) lookup of each PTR name, in PTR answer order
 */
public record PtrFacts(
    InetAddress address, String reverseName, DnsResult ptr, List<Forward> forwards) {
  public PtrFacts {
    Objects.requireNonNull(address);
    Objects.requireNonNull(ptr);
    forwards = List.copyOf(forwards);
  }

  /** One PTR name and its forward lookup. */
  public record Forward(String name, DnsResult result) {
    /** FCrDNS: the forward lookup returns the address that was reversed. */
    public boolean confirms(InetAddress address) {
      return addresses().contains(address);
    }

    public List<InetAddress> addresses() {
      return result instanceof DnsResult.Records r
          ? r.of(DnsRecord.Address.class).stream().map(DnsRecord.Address::address).toList()
          : List.of();
    }
  }

  public List<String> names() {
    return ptr instanceof DnsResult.Records r
        ? r.of(DnsRecord.Ptr.class).stream().map(DnsRecord.Ptr::target).distinct().toList()
        : List.of();
  }
}
