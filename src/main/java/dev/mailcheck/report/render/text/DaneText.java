package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.DaneView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link DaneView} for people: per host, the TLSA records and what matched where. */
final class DaneText {
  private DaneText() {}

  static List<String> lines(DaneView v) {
    if (v.hosts().isEmpty()) return List.of();
    List<String> lines = new ArrayList<>();
    lines.add("DANE");
    for (DaneView.Host h : v.hosts()) {
      lines.add(
          "  "
              + h.tlsaName()
              + "  "
              + h.tlsaOutcome()
              + (h.records().isEmpty()
                  ? ""
                  : "  DNSSEC "
                      + h.tlsaDnssec().toUpperCase(Locale.ROOT)
                      + " (address "
                      + h.addressDnssec()
                      + ")"));
      if (!h.reason().isEmpty()) lines.add("      " + h.reason());
      for (DaneView.Tlsa t : h.records()) {
        String data = t.data().length() > 24 ? t.data().substring(0, 24) + "..." : t.data();
        lines.add(
            "    TLSA "
                + t.usage()
                + " "
                + t.selector()
                + " "
                + t.matchingType()
                + " "
                + data
                + "  "
                + t.usageName()
                + (t.usable() ? "" : " (unusable for SMTP)")
                + (t.matchedAt().isEmpty()
                    ? (h.endpoints().isEmpty() ? "" : "  matches nothing")
                    : "  matches " + String.join(", ", t.matchedAt())));
      }
      for (DaneView.Endpoint e : h.endpoints()) {
        lines.add(
            "    "
                + e.address()
                + ":"
                + h.port()
                + "  "
                + (e.matched() ? "MATCH" : e.tls() ? "NO MATCH" : "NO TLS")
                + "  "
                + e.detail());
      }
    }
    return lines;
  }
}
