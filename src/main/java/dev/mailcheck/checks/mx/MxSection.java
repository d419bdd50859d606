package dev.mailcheck.checks.mx;

import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Section;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mx} section: the exchanges by preference with their addresses.
 *
 * @param outcome the MX lookup's outcome (NOERROR, NODATA, NXDOMAIN, SERVFAIL, TIMEOUT...)
 * @param nullMx RFC 7505 null MX published
 * @param implicit no MX: {@code hosts} holds the domain itself (RFC 5321 §5.1)
 */
public record MxSection(
    String domain, String outcome, boolean nullMx, boolean implicit, List<Host> hosts)
    implements Section {
  public MxSection {
    hosts = List.copyOf(hosts);
  }

  /**
   * @param resolution resolved, no-address, nxdomain, error or ip-literal
   * @param cname the CNAME chain when the exchange is an alias, else empty
   * @param special per address in a special-purpose range, "address: range"
   */
  public record Host(
      int preference,
      String exchange,
      List<String> addresses,
      String resolution,
      List<String> cname,
      List<String> special) {
    public Host {
      addresses = List.copyOf(addresses);
      cname = List.copyOf(cname);
      special = List.copyOf(special);
    }
  }

  public static MxSection of(MxFacts facts) {
    List<Host> hosts = new ArrayList<>();
    for (MxHost h : facts.hosts()) {
      List<String> special = new ArrayList<>();
      for (InetAddress a : h.addresses()) {
        SpecialAddresses.classify(a)
            .ifPresent(r -> special.add(InetAddresses.format(a) + ": " + r));
      }
      hosts.add(
          new Host(
              h.preference(),
              h.exchange(),
              h.addresses().stream().map(InetAddresses::format).toList(),
              h.resolution().token(),
              h.cnameChain(),
              special));
    }
    return new MxSection(
        facts.domain(), facts.mx().outcome(), facts.nullMx(), facts.implicit(), hosts);
  }

  @Override
  public String key() {
    return "mx";
  }

  @Override
  public List<String> textLines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "MX "
            + domain
            + (nullMx
                ? "  (null MX: accepts no mail)"
                : implicit ? "  (no MX: implicit MX on the domain's address)" : ""));
    if (hosts.isEmpty() && !nullMx) lines.add("  (none: " + outcome + ")");
    for (Host h : hosts) {
      String addrs =
          h.addresses().isEmpty() ? "(" + h.resolution() + ")" : String.join(", ", h.addresses());
      String alias = h.cname().isEmpty() ? "" : "  [CNAME]";
      lines.add(String.format("  %5d  %-36s %s%s", h.preference(), h.exchange(), addrs, alias));
    }
    return lines;
  }
}
