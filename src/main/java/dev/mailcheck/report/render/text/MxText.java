package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.MxView;
import java.util.ArrayList;
import java.util.List;

/** {@link MxView} for people: the exchanges by preference with their addresses. */
final class MxText {
  private MxText() {}

  static List<String> lines(MxView v) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "MX "
            + v.domain()
            + (v.nullMx()
                ? "  (null MX: accepts no mail)"
                : v.implicit() ? "  (no MX: implicit MX on the domain's address)" : ""));
    if (v.hosts().isEmpty() && !v.nullMx()) lines.add("  (none: " + v.outcome() + ")");
    for (MxView.Host h : v.hosts()) {
      String addrs =
          h.addresses().isEmpty() ? "(" + h.resolution() + ")" : String.join(", ", h.addresses());
      String alias = h.cname().isEmpty() ? "" : "  [CNAME]";
      lines.add(String.format("  %5d  %-36s %s%s", h.preference(), h.exchange(), addrs, alias));
    }
    return lines;
  }
}
