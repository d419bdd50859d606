package dev.mailcheck.checks.dmarcreport;

import java.util.List;

/**
 * A report's {@code report_metadata} and {@code policy_published}.
 *
 * @param begin {@code date_range/begin}, seconds since the epoch (0 if missing)
 * @param end {@code date_range/end}
 * @param domain {@code policy_published/domain}
 * @param p {@code policy_published/p}, or empty
 * @param errors {@code report_metadata/error}: what the reporter could not evaluate
 */
public record ReportMeta(
    String orgName,
    String email,
    String reportId,
    long begin,
    long end,
    String domain,
    String p,
    String sp,
    String adkim,
    String aspf,
    List<String> errors) {
  public ReportMeta {
    errors = List.copyOf(errors);
  }

  /** Reports are the same when one reporter gives them the same id (RFC 7489 Appendix C). */
  public String identity() {
    String id = reportId.isEmpty() ? begin + "-" + end + "-" + domain : reportId;
    return orgName.toLowerCase(java.util.Locale.ROOT) + "\u0000" + id;
  }
}
