/**
 * {@code mailcheck postfix log}: streams Postfix log lines (RFC 3164 and RFC 5424 syslog, ISO 8601
 * timestamps, Postfix's maillog_file, {@code journalctl -o short-iso}) into counters and bounded
 * tables; messages are joined by queue id across smtpd, cleanup, qmgr, the delivery agents and
 * bounce. Totals follow pflogsumm's definitions (docs/postfix.md). Memory is bounded: lines are cut
 * at 16 KiB, the queue-id table and every per-key table have caps.
 */
package dev.mailcheck.checks.postfix.log;
