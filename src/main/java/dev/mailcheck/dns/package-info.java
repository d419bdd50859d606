/**
 * DNS for mailcheck: one {@link dev.mailcheck.dns.DnsClient} per run ({@link
 * dev.mailcheck.dns.DnsStack}), built from decorators around a dnsjava-backed network client: cache
 * and in-flight coalescing, trace, recording to and replay from a JSON file.
 *
 * <p>Outcomes stay apart ({@link dev.mailcheck.dns.DnsResult}): records, NODATA and NXDOMAIN (RFC
 * 2308), SERVFAIL, REFUSED or another RCODE, and timeout. Temporary failures are never read as
 * absence. CNAME chains are followed (RFC 1034 §3.6.2, RFC 2181 §10.1); a truncated UDP answer is
 * asked again over TCP (RFC 7766 §5); queries carry EDNS(0) (RFC 6891) with a 1232-octet payload.
 * Nothing from dnsjava leaves this package. See docs/dns.md.
 */
package dev.mailcheck.dns;
