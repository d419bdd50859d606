/**
 * The checks, one subpackage per concern (mx, spf, dkim, dmarc...), and the small syntax pieces
 * they share: {@link dev.mailcheck.checks.TagList}, the RFC 6376 §3.2 tag-list used by DKIM key
 * records and signatures and by DMARC records (RFC 7489 §6.4).
 */
package dev.mailcheck.checks;
