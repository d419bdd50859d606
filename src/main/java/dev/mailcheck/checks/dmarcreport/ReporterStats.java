package dev.mailcheck.checks.dmarcreport;

/**
 * One reporting organization: how many reports, messages, and the period they cover.
 *
 * @param first the earliest {@code date_range/begin}, epoch seconds (0 if none given)
 * @param last the latest {@code date_range/end}
 */
public record ReporterStats(
    String orgName, String email, long reports, long messages, long first, long last) {
  static final class Builder {
    final String orgName;
    String email = "";
    long reports, messages, first, last;

    Builder(String orgName) {
      this.orgName = orgName;
    }

    void report(ReportMeta m) {
      reports++;
      if (email.isEmpty()) email = m.email();
      if (m.begin() > 0 && (first == 0 || m.begin() < first)) first = m.begin();
      if (m.end() > last) last = m.end();
    }

    ReporterStats build() {
      return new ReporterStats(orgName, email, reports, messages, first, last);
    }
  }
}
