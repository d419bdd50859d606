/**
 * DKIM: the audit of published keys and the verification of signed messages.
 *
 * <ul>
 *   <li>RFC 6376 (DKIM): tag-lists (§3.2), key records (§3.6.1), signatures (§3.5),
 *       canonicalization (§3.4), verification (§6), l= risks (§8.2).
 *   <li>RFC 8463: ed25519-sha256 and raw 32-byte Ed25519 keys.
 *   <li>RFC 8301: rsa-sha1 and RSA keys under 1024 bits. rsa-sha1 is verified and warned by default
 *       ({@link dev.mailcheck.checks.dkim.DkimVerifier.Sha1Policy}); short keys are permerror.
 *   <li>RFC 8601: result vocabulary (pass, fail, neutral, policy, temperror, permerror).
 *   <li>RFC 8020: NXDOMAIN for {@code _domainkey.DOMAIN} means no key below it.
 * </ul>
 *
 * <p>Parse ({@link dev.mailcheck.checks.dkim.DkimKey}, {@link
 * dev.mailcheck.checks.dkim.DkimSignature}, {@link dev.mailcheck.checks.dkim.DkimMessage}), fetch
 * ({@link dev.mailcheck.checks.dkim.DkimAudit}, key lookups in {@link
 * dev.mailcheck.checks.dkim.DkimVerifier}), evaluate ({@code KeyFindings}, {@code
 * SignatureFindings}); {@link dev.mailcheck.checks.dkim.DkimCheck} composes them.
 */
package dev.mailcheck.checks.dkim;
