/**
 * SPF: the Sender Policy Framework of RFC 7208 (with its errata), in the house's three steps.
 *
 * <ul>
 *   <li>{@link dev.mailcheck.checks.spf.SpfParser}: record text in, {@link
 *       dev.mailcheck.checks.spf.SpfRecord} out; lenient, it never throws and collects typed,
 *       positioned problems (RFC 7208 §4.6, §12 ABNF).
 *   <li>{@code SpfTreeFetcher}: the one walker and the only I/O of the audit: the whole
 *       include/redirect tree with every DNS answer the audit needs, each lookup started as soon as
 *       its name is known, as an immutable {@code SpfTree}. It is also the evaluation's prefetch.
 *   <li>{@code SpfAudit} (with {@code SpfTreeJudge}, {@code SpfLookupFindings}, {@code
 *       SpfTreeFindings}): a pure evaluator of the fetched tree: the lookup cost of every node,
 *       counted by one {@link dev.mailcheck.dns.LookupBudget}, and the findings, chosen by typed
 *       problems.
 *   <li>{@link dev.mailcheck.checks.spf.SpfEvaluator}: {@code check_host()} of RFC 7208 §4 against
 *       a {@link dev.mailcheck.dns.DnsClient}, with the §4.6.4 limits (10 DNS-querying terms, 2
 *       void lookups, 10 MX/PTR names), macros (§7) and explanations (§6.2). It keeps the RFC's
 *       order of evaluation but fetches the names it already knows in parallel.
 *   <li>{@code SpfViewBuilder}: the report's view ({@code SpfView}, {@code SpfView.Node}).
 * </ul>
 *
 * {@link dev.mailcheck.checks.spf.SpfCheck} composes them for the commands.
 */
package dev.mailcheck.checks.spf;
