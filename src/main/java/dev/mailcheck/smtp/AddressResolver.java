package dev.mailcheck.smtp;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.internal.Switches;
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
  private final Switches switches;

  AddressResolver(DnsClient dns, Switches switches) {
    this.dns = dns;
    this.switches = switches;
  }

  /**
   * @param allowPrivate whether addresses in special-purpose ranges may be returned for a name (an
   *     IP literal is returned as it is: the caller chose it)
   */
  List<InetAddress> resolve(String host, boolean allowPrivate) throws ProbeException {
    var literal = InetAddresses.parse(host);
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
    if (!out.isEmpty()) return allowPrivate ? out : publicOnly(host, out);
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

  /**
   * The public addresses among {@code addresses}; none is a failure that says which ranges the name
   * points into. A zone anyone can publish must not steer the probe to internal hosts.
   */
  private List<InetAddress> publicOnly(String host, List<InetAddress> addresses)
      throws ProbeException {
    List<InetAddress> open = new ArrayList<>();
    List<String> held = new ArrayList<>();
    for (InetAddress a : addresses) {
      var range = SpecialAddresses.classify(a);
      if (range.isEmpty()) open.add(a);
      else held.add(InetAddresses.format(a) + ": " + range.get());
    }
    if (!open.isEmpty()) return open;
    throw new ProbeException(
        Phase.DNS,
        Failure.Kind.PRIVATE_ADDRESS,
        host
            + " resolves only to addresses in special-purpose ranges ("
            + String.join("; ", held)
            + "); not contacted, since a DNS answer alone must not make mailcheck probe internal hosts ("
            + switches.allowPrivate()
            + " allows it, for labs and internal mail)");
  }
}
