/**
 * An in-process, scriptable SMTP server for tests: well-behaved ({@link
 * dev.mailcheck.smtp.testserver.StandardSmtp}) or hostile (any {@link
 * dev.mailcheck.smtp.testserver.ScriptedSmtpServer.Script}), plain, STARTTLS or implicit TLS, with
 * certificates generated at test time ({@link dev.mailcheck.smtp.testserver.TestPki}; no key files
 * are committed). Listens on 127.0.0.1 only.
 */
package dev.mailcheck.smtp.testserver;
