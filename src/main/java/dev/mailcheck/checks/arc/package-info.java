/**
 * ARC (RFC 8617): the Authenticated Received Chain a forwarder or mailing list adds so that a later
 * receiver can see the authentication results from before the message was changed.
 *
 * <p>{@link dev.mailcheck.checks.arc.ArcChain} parses the ARC sets of a header section (pure,
 * lenient, structural problems collected); {@link dev.mailcheck.checks.arc.ArcValidator} validates
 * the chain (§5.2: the most recent ARC-Message-Signature, then every ARC-Seal from the newest down,
 * then the oldest instance whose AMS still validates) given the key records and the body hashes,
 * both fetched by the caller so that the lookups run beside every other of the message and the body
 * is read once. Canonicalization, header selection and algorithms are DKIM's ({@link
 * dev.mailcheck.checks.dkim.DkimCrypto}).
 */
package dev.mailcheck.checks.arc;
