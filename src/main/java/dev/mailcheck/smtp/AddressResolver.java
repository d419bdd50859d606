package dev.mailcheck.smtp;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns the probe's host into addresses: IP literals as they are, names through the run's resolver
 * (A and AAAA asked in parallel). IPv4 first: a host without IPv6 connectivity would otherwise
 * spend a whole timeout on every AAAA address before trying IPv4.
 */
final class AddressResolver {
  private final DnsClient dns;

  AddressResolver(DnsClient dns) {
    this.dns = dns;
  }

  List<InetAddress> resolve(String host) throws ProbeException {
    var literal = dev.mailcheck.internal.InetAddresses.parse(host);
    if (literal.isPresent()) return List.of(literal.get());
    if (dns == null)
      throw new ProbeException(
          Phase.DNS, Failure.Kind.DNS, "no resolver available for '" + host + "'");
    CompletableFuture<DnsResult> a = dns.query(host, RecordType.A);
    CompletableFuture<DnsResult> aaaa = dns.query(host, RecordType.AAAA);
    DnsResult ra = a.join();
    DnsResult raaaa = aaaa.join();
    var out = new ArrayList<InetAddress>();
    for (DnsResult r : List.of(ra, raaaa)) {
      for (DnsRecord rec : r.recordsOrEmpty()) {
        if (rec instanceof DnsRecord.Address addr) out.add(addr.address());
      }
    }
    if (!out.isEmpty()) return out;
    if (ra.isTemporaryFailure() || raaaa.isTemporaryFailure()) {
      throw new ProbeException(
          Phase.DNS,
          Failure.Kind.DNS,
          "could not resolve " + host + ": A " + ra.outcome() + ", AAAA " + raaaa.outcome());
    }
    throw new ProbeException(
        Phase.DNS,
        Failure.Kind.DNS,
        host + " has no address (A " + ra.outcome() + ", AAAA " + raaaa.outcome() + ")");
  }
}
