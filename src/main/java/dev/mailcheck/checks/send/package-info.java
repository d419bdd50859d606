/**
 * {@code mailcheck send}: builds a message (RFC 5322 with MIME, RFC 2045-2049; optionally
 * DKIM-signed, RFC 6376), delivers it through the shared SMTP probe to a named server or to the
 * recipient domain's MX hosts in preference order with fallback (RFC 5321 §5.1), and explains every
 * stage's reply ({@code send.*} findings, the reply table of {@code smtp/ReplyExplanations}).
 */
package dev.mailcheck.checks.send;
