package dev.mailcheck.checks.ptr;

import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Section;
import java.util.ArrayList;
import java.util.List;

/** The {@code ptr} section: per address, its PTR names and whether each is forward-confirmed. */
public record PtrSection(List<Entry> addresses) implements Section {
  public PtrSection {
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

  public static Entry entry(PtrFacts facts, String host) {
    List<Name> names = new ArrayList<>();
    for (String n : facts.names()) {
      var fwd = facts.forwards().stream().filter(f -> f.name().equals(n)).findFirst();
      names.add(
          new Name(
              n,
              fwd.map(f -> f.confirms(facts.address())).orElse(false),
              fwd.map(f -> f.result().outcome()).orElse("NOT-ASKED"),
              fwd.map(f -> f.addresses().stream().map(InetAddresses::format).toList())
                  .orElse(List.of()),
              GenericNames.reason(n, facts.address()).orElse("")));
    }
    return new Entry(
        InetAddresses.format(facts.address()),
        facts.reverseName(),
        facts.ptr().outcome(),
        host,
        names);
  }

  @Override
  public String key() {
    return "ptr";
  }

  @Override
  public List<String> textLines() {
    // A null MX, or no exchange with an address: no address to reverse, no empty "PTR" heading.
    if (addresses.isEmpty()) return List.of();
    List<String> lines = new ArrayList<>();
    lines.add("PTR");
    for (Entry e : addresses) {
      String head = "  " + e.address() + (e.host().isEmpty() ? "" : " (" + e.host() + ")");
      if (e.names().isEmpty()) {
        lines.add(head + "  (" + e.outcome() + ")");
        continue;
      }
      for (Name n : e.names()) {
        String fc =
            n.forwardConfirmed()
                ? "forward-confirmed"
                : "NOT forward-confirmed ("
                    + (n.forwardAddresses().isEmpty()
                        ? n.forwardOutcome()
                        : String.join(", ", n.forwardAddresses()))
                    + ")";
        lines.add(
            head + "  ->  " + n.name() + "  " + fc + (n.generic().isEmpty() ? "" : "  [generic]"));
      }
    }
    return lines;
  }
}
