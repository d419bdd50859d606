/**
 * The training run behind the launcher's start-up cache (CDS archive or JDK 25+ AOT cache, see
 * docs/performance.md): {@link dev.mailcheck.training.StartupTraining} runs the command line
 * against throw-away DNS and SMTP responders on 127.0.0.1 that it starts itself. Not part of any
 * command; nothing here is reached from {@code cli/}. It builds its fake DNS answers with dnsjava
 * directly, as a test server would.
 */
package dev.mailcheck.training;
