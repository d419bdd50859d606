/**
 * Reverse DNS of an address: the PTR names under in-addr.arpa / ip6.arpa (RFC 1035 §3.5, RFC 3596
 * §2.5), whether each name is forward-confirmed (FCrDNS: the name's A/AAAA records include the
 * address, the check receivers apply per RFC 8601 §2.7.3 "iprev"), and names that look generic
 * (dynamic pools, DSL, the address embedded in the name), which many receivers score as spam
 * sources.
 */
package dev.mailcheck.checks.ptr;
