package dev.mailcheck.checks.mx;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One mail exchange and what its address lookups returned.
 *
 * @param preference the MX preference (RFC 5321 §5.1: lower is tried first); 0 for the implicit MX
 * @param exchange the target host name (lower case, no trailing dot)
 * @param a the A lookup of the exchange
 * @param aaaa the AAAA lookup of the exchange
 */
public record MxHost(int preference, String exchange, DnsResult a, DnsResult aaaa) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  public MxHost {
    Objects.requireNonNull(exchange);
    Objects.requireNonNull(a);
    Objects.requireNonNull(aaaa);
  }

  /** An MX target written as an address ("10 192.0.2.1.") instead of a host name. */
  public static boolean isIpLiteral(String exchange) {
    String e =
        exchange.startsWith("[") && exchange.endsWith("]")
            ? exchange.substring(1, exchange.length() - 1)
            : exchange;
    return IPV4.matcher(e).matches() || e.contains(":");
  }

  public boolean ipLiteral() {
    return isIpLiteral(exchange);
  }

  /** The IPv4 addresses, then the IPv6 ones, in answer order. */
  public List<InetAddress> addresses() {
    List<InetAddress> out = new ArrayList<>();
    for (DnsResult r : List.of(a, aaaa)) {
      for (DnsRecord.Address rec :
          r instanceof DnsResult.Records rs
              ? rs.of(DnsRecord.Address.class)
              : List.<DnsRecord.Address>of()) {
        if (!out.contains(rec.address())) out.add(rec.address());
      }
    }
    return List.copyOf(out);
  }

  /** The CNAME chain followed from the exchange name, if the exchange is an alias. */
  public List<String> cnameChain() {
    for (DnsResult r : List.of(a, aaaa)) {
      List<String> chain = r.cnameChain();
      if (!chain.isEmpty()) return chain;
    }
    return List.of();
  }

  /** The canonical name an alias exchange leads to, when its chain ends in addresses. */
  public java.util.Optional<String> canonicalName() {
    for (DnsResult r : List.of(a, aaaa)) {
      if (r instanceof DnsResult.Records rs
          && !rs.cnameChain().isEmpty()
          && !rs.records().isEmpty()) {
        return java.util.Optional.of(rs.records().get(0).name());
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The alias records of the chain, "name. CNAME target." ("?" when no canonical name with
   * addresses is known).
   */
  public List<String> cnameRecords() {
    List<String> chain = cnameChain();
    String end = canonicalName().map(n -> n + ".").orElse("?");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++)
      out.add(chain.get(i) + ". CNAME " + (i + 1 < chain.size() ? chain.get(i + 1) + "." : end));
    return List.copyOf(out);
  }

  /** How the address lookups came out, as one word for JSON. */
  public Resolution resolution() {
    if (ipLiteral()) return Resolution.IP_LITERAL;
    if (!addresses().isEmpty()) return Resolution.RESOLVED;
    if (a.isTemporaryFailure() || aaaa.isTemporaryFailure()) return Resolution.ERROR;
    if (a instanceof DnsResult.NxDomain || aaaa instanceof DnsResult.NxDomain)
      return Resolution.NXDOMAIN;
    return Resolution.NO_ADDRESS;
  }

  public enum Resolution {
    RESOLVED,
    NO_ADDRESS,
    NXDOMAIN,
    ERROR,
    IP_LITERAL;

    public String token() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
