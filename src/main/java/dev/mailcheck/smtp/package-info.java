/**
 * The SMTP probe: a hand-written client that connects to one host and port, reads the greeting,
 * sends EHLO (HELO as fallback), upgrades with STARTTLS (RFC 3207) or starts in implicit TLS (RFC
 * 8314 §3.3), records the certificate chain and validates it separately (RFC 5280 path building,
 * RFC 6125 name matching), optionally authenticates (RFC 4954: PLAIN RFC 4616, LOGIN, CRAM-MD5 RFC
 * 2195, XOAUTH2) and tests relaying, and always ends with QUIT.
 *
 * <p>It returns facts, never findings: {@link dev.mailcheck.smtp.ProbeResult} with the phases and
 * their timings, the greeting and EHLO extensions before and after TLS (RFC 5321 §4.1.1.1, RFC 1870
 * SIZE, RFC 6152 8BITMIME, RFC 2920 PIPELINING, RFC 6531 SMTPUTF8, RFC 3030 CHUNKING, RFC 2034
 * ENHANCEDSTATUSCODES, RFC 3461 DSN, RFC 8689 REQUIRETLS), TLS facts, the AUTH and relay outcomes,
 * a redacted transcript and, when it stopped early, a classified {@link
 * dev.mailcheck.smtp.Failure}.
 *
 * <p>Hostile servers are expected: every reply must arrive complete before a deadline counted from
 * the command that asked for it, a line is capped at {@value dev.mailcheck.smtp.Limits#REPLY_LINE}
 * bytes (RFC 5321 §4.5.3.1.5 says 512; we are lenient but bounded), a reply at {@value
 * dev.mailcheck.smtp.Limits#REPLY_LINES} lines and {@value dev.mailcheck.smtp.Limits#REPLY_BYTES}
 * bytes. Reply codes (RFC 5321 §4.2) and enhanced status codes (RFC 3463, RFC 5248) are explained
 * in words by {@link dev.mailcheck.smtp.ReplyCodes}.
 */
package dev.mailcheck.smtp;
