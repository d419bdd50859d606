/**
 * Judges SMTP probe facts: {@link dev.mailcheck.checks.smtp.SmtpEvaluator} turns a {@link
 * dev.mailcheck.smtp.ProbeResult} into findings (ids {@code smtp.*}, see docs/checks.md), {@link
 * dev.mailcheck.checks.smtp.SmtpSection} and {@link dev.mailcheck.checks.smtp.PortsSection} carry
 * the facts to the report, and {@link dev.mailcheck.checks.smtp.PortScan} probes 25, 465 and 587 in
 * parallel. No socket is opened here; the probe does that.
 *
 * <p>Severity follows the port's role: 25 is MX-to-MX relay, where TLS is opportunistic (RFC 3207,
 * RFC 7435) and certificates are often not checked by senders (but are by MTA-STS, RFC 8461), so a
 * bad certificate is a warning and the probe goes on (the handshake worked: never "STARTTLS
 * broken"); 465 and 587 are submission (RFC 8314, RFC 6409), where clients verify and send
 * passwords, so it is a failure. TLS below 1.2 is a failure (RFC 8996, RFC 8314 §4.1).
 */
package dev.mailcheck.checks.smtp;
