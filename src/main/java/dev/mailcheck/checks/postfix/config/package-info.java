/**
 * {@code mailcheck postfix config}: reads main.cf and master.cf as Postfix does (postconf(5),
 * master(5): continuation lines, comments, {@code $name} expansion with built-in defaults, per
 * service {@code -o} overrides), or {@code postconf -n}/{@code postconf -M} output, and audits
 * relay protection, submission (RFC 6409, RFC 8314), TLS (RFC 3207, RFC 8996), SASL and limits.
 * Every remedy is an exact {@code postconf -e} or {@code postconf -P} command.
 */
package dev.mailcheck.checks.postfix.config;
