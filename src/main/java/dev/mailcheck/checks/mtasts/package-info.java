/**
 * MTA-STS (RFC 8461) and SMTP TLS Reporting discovery (RFC 8460).
 *
 * <ul>
 *   <li>{@link dev.mailcheck.checks.mtasts.StsRecord}: the {@code _mta-sts} TXT record (§3.1):
 *       exactly one record beginning {@code v=STSv1}, {@code id=} 1-32 letters and digits.
 *   <li>{@link dev.mailcheck.checks.mtasts.StsPolicy}: the policy file (§3.2) fetched from {@code
 *       https://mta-sts.DOMAIN/.well-known/mta-sts.txt} (§3.3: no redirects, 200, {@code
 *       text/plain}, certificate valid for the name, a size cap of 64 KiB).
 *   <li>{@link dev.mailcheck.checks.mtasts.MtaStsCoverage}: the policy against the domain's real MX
 *       hosts (§4.1 patterns, wildcard as the whole leftmost label) and, in enforce mode, the
 *       certificates they present on port 25 (§4.2), taken from the SMTP probes.
 *   <li>{@link dev.mailcheck.checks.mtasts.TlsRptRecord}: the {@code _smtp._tls} TXT record (RFC
 *       8460 §3): exactly one {@code v=TLSRPTv1}, {@code rua=} mailto: and https: URIs.
 * </ul>
 */
package dev.mailcheck.checks.mtasts;
