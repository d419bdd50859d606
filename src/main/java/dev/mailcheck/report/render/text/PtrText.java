package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.PtrView;
import java.util.ArrayList;
import java.util.List;

/** {@link PtrView} for people: each address, its names and whether they confirm it. */
final class PtrText {
  private PtrText() {}

  static List<String> lines(PtrView v) {
    // A null MX, or no exchange with an address: no address to reverse, no empty "PTR" heading.
    if (v.addresses().isEmpty()) return List.of();
    List<String> lines = new ArrayList<>();
    lines.add("PTR");
    for (PtrView.Entry e : v.addresses()) {
      String head = "  " + e.address() + (e.host().isEmpty() ? "" : " (" + e.host() + ")");
      if (e.names().isEmpty()) {
        lines.add(head + "  (" + e.outcome() + ")");
        continue;
      }
      for (PtrView.Name n : e.names()) {
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
