/**
 * DMARC policy records: discovery by the DNS tree walk of RFC 9989 §4.10 (at most 8 queries, {@code
 * psd=} handling) and by the RFC 7489 §6.6.3 organizational domain from the Public Suffix List,
 * both reported where they differ; the tag-list parse with positioned errors (RFC 9989 §4.7 tags v,
 * p, sp, np, adkim, aspf, rua, ruf, fo, psd, t; RFC 7489's pct, rf, ri accepted and flagged as
 * removed); policy strength; report URIs and the external destination authorization of RFC 7489
 * §7.1 / RFC 9990 §3.
 */
package dev.mailcheck.checks.dmarc;
