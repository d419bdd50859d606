package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.DmarcReportView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link DmarcReportView} for people: the period and reporters, each domain's pass rate, then the
 * busiest sources as a table.
 */
final class DmarcReportText {
  /** Sources shown in the table; all of them are in JSON and CSV. */
  static final int MAX_SOURCES = 40;

  private DmarcReportText() {}

  static List<String> lines(DmarcReportView v) {
    List<String> out = new ArrayList<>();
    out.add(
        "DMARC AGGREGATE REPORTS  "
            + v.reports()
            + (v.reports() == 1 ? " report, " : " reports, ")
            + v.records()
            + " records, "
            + v.messages()
            + " messages"
            + (v.first().isEmpty() ? "" : ", " + day(v.first()) + " to " + day(v.last()))
            + (v.duplicates() > 0 ? " (" + v.duplicates() + " duplicates counted once)" : ""));
    if (!v.reporters().isEmpty()) {
      out.add("  reporters:");
      for (DmarcReportView.Reporter r : v.reporters())
        out.add(
            "    "
                + r.name()
                + "  "
                + r.reports()
                + (r.reports() == 1 ? " report, " : " reports, ")
                + r.messages()
                + " messages"
                + (r.first().isEmpty() ? "" : ", " + day(r.first()) + " to " + day(r.last())));
    }
    for (DmarcReportView.Domain d : v.domains())
      out.add(
          "  "
              + d.domain()
              + "  p="
              + (d.policy().isEmpty() ? "?" : d.policy())
              + "  "
              + d.dmarcPass()
              + " of "
              + d.messages()
              + " messages passed DMARC ("
              + percent(d.dmarcPass(), d.messages())
              + ")");
    if (!v.sources().isEmpty()) {
      out.add("");
      out.add(
          String.format(
              Locale.ROOT,
              "  %-39s %9s %6s %6s %6s  %-10s %s",
              "SOURCE",
              "MESSAGES",
              "DMARC",
              "DKIM",
              "SPF",
              "CLASS",
              "PTR / PROVIDER"));
      for (DmarcReportView.Source s :
          v.sources().subList(0, Math.min(MAX_SOURCES, v.sources().size()))) {
        String who = s.ptr().isEmpty() ? "" : s.ptr().get(0);
        if (!s.provider().isEmpty())
          who = who.isEmpty() ? s.provider() : who + " (" + s.provider() + ")";
        out.add(
            String.format(
                Locale.ROOT,
                "  %-39s %9d %6s %6s %6s  %-10s %s",
                s.ip(),
                s.messages(),
                percent(s.dmarcPass(), s.messages()),
                percent(s.dkimAligned(), s.messages()),
                percent(s.spfAligned(), s.messages()),
                s.classification(),
                who));
      }
      if (v.sources().size() > MAX_SOURCES)
        out.add(
            "  ... "
                + (v.sources().size() - MAX_SOURCES)
                + " more sources (all of them with --format csv or --json)");
      out.add("  (DMARC/DKIM/SPF: share of the messages that passed, DKIM and SPF as aligned)");
    }
    return out;
  }

  static String percent(long part, long whole) {
    if (whole == 0) return "-";
    return String.format(Locale.ROOT, "%.0f%%", Math.floor(100.0 * part / whole));
  }

  private static String day(String iso) {
    return iso.length() >= 10 ? iso.substring(0, 10) : iso;
  }
}
