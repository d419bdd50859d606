package dev.mailcheck.report.render;

import dev.mailcheck.report.BatchSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary of a many-domain run as text lines (end of the text table, or stderr). */
public final class BatchSummaryText {
  private BatchSummaryText() {}

  public static List<String> lines(BatchSummary s) {
    List<String> out = new ArrayList<>();
    String head =
        s.written()
            + " domain"
            + (s.written() == 1 ? "" : "s")
            + " checked in "
            + String.format(java.util.Locale.ROOT, "%.1f", s.duration().toMillis() / 1000.0)
            + " s";
    if (s.interrupted())
      head += " (interrupted: " + s.read() + " read, " + (s.read() - s.written()) + " not written)";
    out.add(head);
    out.add("grades: " + join(s.grades()));
    out.add(
        "status: "
            + join(
                s.statuses().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .collect(
                        Collectors.toMap(
                            Map.Entry::getKey,
                            Map.Entry::getValue,
                            (a, b) -> a,
                            java.util.LinkedHashMap::new))));
    if (!s.failing().isEmpty()) {
      out.add("most common failures:");
      for (Map.Entry<String, Long> e : s.failing())
        out.add(String.format(java.util.Locale.ROOT, "  %6d  %s", e.getValue(), e.getKey()));
    }
    return out;
  }

  private static String join(Map<String, Long> m) {
    if (m.isEmpty()) return "none";
    return m.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
