package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code caa} view of the domain report: the CAA records that apply to each MX name (RFC 8659
 * §3: the closest ancestor with a CAA record set).
 */
public record CaaView(List<Entry> hosts) implements View {
  public CaaView {
    hosts = List.copyOf(hosts);
  }

  /**
   * @param foundAt the name whose CAA records apply, "" when no ancestor has any
   * @param outcome "found", "none" or "error" (a lookup failed)
   */
  public record Entry(String host, String foundAt, String outcome, List<String> records) {
    public Entry {
      records = List.copyOf(records);
    }
  }
}
