/**
 * DNSSEC as mail needs it: mailcheck's own validation (RFC 4033-4035, RFC 5155) of the domain's MX
 * answer and each MX host's address answer, from the IANA root anchors or a trust-anchor file, with
 * dnsjava's validating resolver over the run's resolver ({@link
 * dev.mailcheck.dns.DnssecValidator}). Each name is secure, insecure (with the parent's proof),
 * bogus (with the reason) or indeterminate (lookups failed); an upstream AD bit is shown, never
 * trusted.
 */
package dev.mailcheck.checks.dnssec;
