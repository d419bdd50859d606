package dev.mailcheck.cli;

/**
 * {@code --format}: text for people, json for machines, csv for spreadsheets (the table of {@code
 * dmarc report} and {@code blocklist}, the findings of every other command), ndjson for streams
 * (one report per line).
 */
public enum OutputFormat {
  text,
  json,
  csv,
  // --- issue 17: many domains and CI formats ---
  /** One compact JSON report per line (a many-domain run streams them). */
  ndjson,
  /** JUnit XML: a test suite per report, a test case per finding id. */
  junit,
  /** SARIF 2.1.0 for code-scanning dashboards. */
  sarif,
  /** One self-contained HTML page per report. */
  html
}
