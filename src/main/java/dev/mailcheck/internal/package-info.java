/**
 * Small helpers with narrow names: the exceptions that end a run ({@link
 * dev.mailcheck.internal.InputException} exit 2, {@link
 * dev.mailcheck.internal.CouldNotRunException} exit 3), user-input domain names ({@link
 * dev.mailcheck.internal.DomainNames}: RFC 1035, RFC 5890-5892 IDNA 2008 in part, RFC 3492
 * Punycode) and IP addresses as text ({@link dev.mailcheck.internal.InetAddresses}: literals parsed
 * without DNS, RFC 5952 text form, reverse names per RFC 1035 §3.5 and RFC 3596 §2.5).
 */
package dev.mailcheck.internal;
