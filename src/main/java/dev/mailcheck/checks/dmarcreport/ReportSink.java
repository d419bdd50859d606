package dev.mailcheck.checks.dmarcreport;

/** Where the parser streams a report: its metadata once, then every record. */
interface ReportSink {
  /** The report's metadata, before its first record; false drops its records (a duplicate). */
  boolean begin(ReportMeta meta);

  void row(ReportRow row);
}
