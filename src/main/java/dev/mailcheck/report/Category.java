package dev.mailcheck.report;

import java.util.Locale;

/**
 * The report group a finding belongs to. The token is what JSON ({@code category}) and the text
 * headings show. Scoring decides separately which categories are scored and how (see {@code
 * report/scoring}).
 */
public enum Category {
  MX,
  PTR,
  SMTP,
  SPF,
  DKIM,
  DMARC,
  /** Inbound transport security: MTA-STS, TLS-RPT, CAA of the MX names, DNSSEC, DANE. */
  TRANSPORT,
  BLOCKLIST,
  DMARC_REPORT,
  /** BIMI brand indicators: informative, never scored (docs/scoring.md). */
  BIMI,
  /** The run's resolver itself (not a record of the domain). */
  DNS,
  POSTFIX,
  /** mailcheck message: the analysis of one received message. */
  MESSAGE,
  /** mailcheck message: the Gmail/Yahoo/Microsoft bulk-sender requirements. */
  BULK,
  /** mailcheck send: one delivery, stage by stage (issue 14). */
  SEND,
  /** {@code --expect}: drift from the expectations file (never scored). */
  EXPECT;

  /**
   * The lower-case token used in JSON and as the text heading, e.g. {@code mx}, {@code
   * dmarc-report}.
   */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
