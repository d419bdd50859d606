/**
 * The report model: {@link dev.mailcheck.report.Finding}s with stable dotted ids (listed in
 * docs/checks.md), their {@link dev.mailcheck.report.Status}, command-specific {@link
 * dev.mailcheck.report.Section}s, the optional {@link dev.mailcheck.report.Score} (rubric in
 * docs/scoring.md), and the process {@link dev.mailcheck.report.ExitCode}s. Depends on nothing else
 * in mailcheck: checks produce these values, renderers read them.
 */
package dev.mailcheck.report;
