package dev.mailcheck.report.view;

import java.util.List;

/** The {@code ptr} view: per address, its PTR names and whether each is forward-confirmed. */
public record PtrView(List<Entry> addresses) implements View {
  public PtrView {
    addresses = List.copyOf(addresses);
  }

  /**
   * @param outcome the PTR lookup's outcome (NOERROR, NXDOMAIN, NODATA, SERVFAIL, TIMEOUT...)
   * @param host the MX name the address belongs to, in the domain report
   */
  public record Entry(
      String address, String reverseName, String outcome, String host, List<Name> names) {
    public Entry {
      host = host == null ? "" : host;
      names = List.copyOf(names);
    }
  }

  /**
   * @param forwardConfirmed the name's A/AAAA records include the address (FCrDNS)
   * @param forwardOutcome outcome of the forward lookup
   * @param generic why the name looks like an ISP pool name, or empty
   */
  public record Name(
      String name,
      boolean forwardConfirmed,
      String forwardOutcome,
      List<String> forwardAddresses,
      String generic) {
    public Name {
      forwardAddresses = List.copyOf(forwardAddresses);
      generic = generic == null ? "" : generic;
    }
  }
}
