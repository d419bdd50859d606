/**
 * Postfix: {@code log} analyses mail logs (syslog RFC 3164/5424, maillog_file, journald) joined by
 * queue id, in bounded memory; {@code config} audits main.cf/master.cf as Postfix resolves them
 * (postconf(5), master(5)). docs/postfix.md describes both.
 */
package dev.mailcheck.checks.postfix;
