/**
 * The domain report: {@link dev.mailcheck.checks.domain.DomainCheck} runs the MX, PTR, SMTP, SPF,
 * DKIM and DMARC checks of one domain with maximal parallelism (every independent lookup at once,
 * dependent ones as soon as their input arrives), and {@link dev.mailcheck.report.scoring.Scoring}
 * turns the findings into a 0-100 score and a grade, as docs/scoring.md defines (a pure function).
 */
package dev.mailcheck.checks.domain;
