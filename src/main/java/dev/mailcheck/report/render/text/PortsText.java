package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.PortsView;
import java.util.ArrayList;
import java.util.List;

/** {@link PortsView} for people: one line per mail port. */
final class PortsText {
  private PortsText() {}

  static List<String> lines(PortsView v) {
    var out = new ArrayList<String>();
    out.add("PORTS " + v.host());
    for (PortsView.Port p : v.ports()) {
      out.add(
          String.format(
              "  %-5d %-26s %-11s %s",
              p.port(),
              p.service(),
              p.state(),
              (p.connectMs() != null && p.state().equals("open") ? p.connectMs() + " ms" : "")
                  + (p.tls() != null ? "  " + p.tls() : "")
                  + (p.banner() != null ? "  " + p.banner() : "")
                  + (!p.state().equals("open") && p.detail() != null ? "  " + p.detail() : "")));
    }
    return out;
  }
}
