package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code mx} view: the exchanges by preference with their addresses.
 *
 * @param outcome the MX lookup's outcome (NOERROR, NODATA, NXDOMAIN, SERVFAIL, TIMEOUT...)
 * @param nullMx RFC 7505 null MX published
 * @param implicit no MX: {@code hosts} holds the domain itself (RFC 5321 §5.1)
 */
public record MxView(
    String domain, String outcome, boolean nullMx, boolean implicit, List<Host> hosts)
    implements View {
  public MxView {
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
}
