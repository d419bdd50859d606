package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.DnssecView;
import java.util.ArrayList;
import java.util.List;

/** {@link DnssecView} for people: each name, its verdict and why. */
final class DnssecText {
  private DnssecText() {}

  static List<String> lines(DnssecView v) {
    if (v.names().isEmpty()) return List.of();
    List<String> lines = new ArrayList<>();
    lines.add("DNSSEC  (validated by mailcheck from " + v.anchors() + ")");
    for (DnssecView.Entry e : v.names()) {
      String zone = e.zone().isEmpty() ? "" : "  zone " + e.zone();
      lines.add(
          "  "
              + e.question()
              + "  "
              + e.status().toUpperCase(java.util.Locale.ROOT)
              + zone
              + "  ("
              + e.outcome()
              + (e.upstreamAd() ? ", resolver set AD" : "")
              + ")");
      if (!e.reason().isEmpty()) lines.add("      " + e.reason());
      if (!e.proof().isEmpty()) lines.add("      proof: " + e.proof());
    }
    return lines;
  }
}
