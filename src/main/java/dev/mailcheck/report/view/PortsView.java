package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code ports} view: per mail port, open / refused / filtered (no answer) / unreachable /
 * error, with the address, connect time, greeting and TLS protocol when open, and a hint. Absent
 * values (null) are left out of the JSON.
 */
public record PortsView(String host, List<Port> ports) implements View {
  public PortsView {
    ports = List.copyOf(ports);
  }

  public record Port(
      int port,
      String service,
      String state,
      String address,
      Long connectMs,
      String banner,
      String tls,
      String detail,
      String hint) {}
}
