/**
 * CAA (RFC 8659) of the MX host names: which CAs may issue their certificates. The relevant record
 * set of a name is its own CAA set or, failing that, its closest ancestor's (§3); the domain report
 * shows it per MX host as information (a CA outside it cannot issue the certificate an MTA-STS
 * policy needs).
 */
package dev.mailcheck.checks.caa;
