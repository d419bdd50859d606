/**
 * MX evaluation: the exchanges of a domain by preference with their addresses (RFC 5321 §5.1), null
 * MX (RFC 7505), the implicit MX on the domain's own A/AAAA records when no MX exists (RFC 5321
 * §5.1), exchanges that are CNAMEs (RFC 2181 §10.3, RFC 5321 §5.1) or IP literals, and addresses in
 * special-purpose ranges (RFC 6890 and the IANA special-purpose registries).
 *
 * <p>Parse → fetch → evaluate: {@link dev.mailcheck.checks.mx.MxFetcher} asks the shared resolver
 * (the address lookups of every exchange in parallel), {@link dev.mailcheck.checks.mx.MxEvaluator}
 * turns the facts into findings, {@link dev.mailcheck.checks.mx.MxSection} carries them to the
 * report.
 */
package dev.mailcheck.checks.mx;
