package dev.mailcheck.checks.blocklist;

import dev.mailcheck.internal.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What is looked up: an address (DNSBL) or a domain (RHSBL), and its role, which decides how much a
 * policy listing (PBL) matters.
 *
 * @param note where the target came from, e.g. "MX mx1.example.com", or empty
 */
public record BlocklistTarget(
    Optional<InetAddress> address, Optional<String> domain, Role role, String note) {
  public BlocklistTarget {
    Objects.requireNonNull(role);
    if (address.isPresent() == domain.isPresent())
      throw new IllegalArgumentException("an address or a domain");
    note = note == null ? "" : note;
  }

  /** Why the target is checked. */
  public enum Role {
    /** Named on the {@code blocklist} command line. */
    GIVEN,
    /** An MX address of the domain report: it receives mail, and often sends too. */
    MX,
    /** A sending address of the domain ({@code domain --ip}): it delivers to other MX servers. */
    SENDER,
    /** The domain itself (DBL, SURBL, URIBL). */
    DOMAIN
  }

  public static BlocklistTarget address(InetAddress a, Role role, String note) {
    return new BlocklistTarget(Optional.of(a), Optional.empty(), role, note);
  }

  public static BlocklistTarget domain(String d, Role role, String note) {
    return new BlocklistTarget(Optional.empty(), Optional.of(d), role, note);
  }

  /** The address as people write it, or the domain. */
  public String display() {
    return address.map(InetAddresses::format).orElseGet(domain::orElseThrow);
  }

  /** The name to look up under a list's zone (RFC 5782 §2.1, §2.3, §2.4). */
  public String queryName(Blocklist list) {
    if (domain.isPresent()) return domain.get() + "." + list.zone();
    String reverse = InetAddresses.reverseName(address.get());
    String prefix = reverse.substring(0, reverse.lastIndexOf(isIpv6() ? ".ip6.arpa" : ".in-addr"));
    return prefix + "." + list.zone();
  }

  public boolean isIpv6() {
    return address.map(a -> a.getAddress().length == 16).orElse(false);
  }

  /** Whether the list is asked about this target. */
  public boolean asks(Blocklist list) {
    if (domain.isPresent()) return list.kind().takesDomains();
    if (!list.kind().takesAddresses()) return false;
    return !isIpv6() || list.ipv6();
  }
}
