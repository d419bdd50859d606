/**
 * SPF: the Sender Policy Framework of RFC 7208 (with its errata), in the house's three steps.
 *
 * <ul>
 *   <li>{@link dev.mailcheck.checks.spf.SpfParser}: record text in, {@link
 *       dev.mailcheck.checks.spf.SpfRecord} out; lenient, it never throws and collects positioned
 *       problems (RFC 7208 §4.6, §12 ABNF).
 *   <li>{@link dev.mailcheck.checks.spf.SpfEvaluator}: {@code check_host()} of RFC 7208 §4 against
 *       a {@link dev.mailcheck.dns.DnsClient}, with the §4.6.4 limits (10 DNS-querying terms, 2
 *       void lookups, 10 MX/PTR names), macros (§7) and explanations (§6.2). It keeps the RFC's
 *       order of evaluation but fetches the names it already knows in parallel.
 *   <li>{@link dev.mailcheck.checks.spf.SpfAudit}: the published policy without a client address —
 *       the whole include/redirect tree with the lookup cost of every node — and the findings about
 *       it.
 * </ul>
 *
 * {@link dev.mailcheck.checks.spf.SpfCheck} composes them for the commands.
 */
package dev.mailcheck.checks.spf;
