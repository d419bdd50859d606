/**
 * DNS blocklists (DNSBL, RFC 5782): an IPv4 address is looked up as its reversed octets under the
 * list's zone ({@code 2.0.0.127.zen.spamhaus.org}), an IPv6 address as its 32 reversed nibbles (RFC
 * 5782 §2.4), a domain (RHSBL/DBL, RFC 5782 §2.3) as itself under the zone. An A answer in
 * 127.0.0.0/8 is a listing whose meaning the list documents (the codes in {@code blocklists.json});
 * NXDOMAIN is "not listed". Answers outside the documented codes (Spamhaus' 127.255.255.254 for
 * queries through public resolvers, 127.0.0.1, anything outside 127/8) are errors that say why,
 * never listings; a timeout or SERVFAIL is an error, never "not listed".
 */
package dev.mailcheck.checks.blocklist;
