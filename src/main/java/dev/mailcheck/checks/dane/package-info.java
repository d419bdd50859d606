/**
 * DANE for SMTP (RFC 7672) on the TLSA records of RFC 6698, RFC 7218 and RFC 7671: the TLSA set at
 * {@code _PORT._tcp.HOST}, usable only when its answer (and the host's address answer) validate
 * secure; usage, selector and matching type checked for SMTP (DANE-EE and DANE-TA; PKIX-TA and
 * PKIX-EE are unusable, RFC 7672 §3.1.3); and the set matched against the chain each address
 * presents (from the SMTP probe: the domain report reuses its own probes).
 */
package dev.mailcheck.checks.dane;
