package dev.mailcheck.interop;

import static dev.mailcheck.interop.InteropEnv.assertContains;
import static dev.mailcheck.interop.InteropEnv.redacted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The environment itself, proven with a reference client (swaks) before mailcheck is compared with
 * it: what each Postfix listener offers, AUTH through Dovecot, relaying refused. The password goes
 * to swaks through its SWAKS_OPT_auth_password variable, never argv, and AUTH lines are redacted
 * from any assertion message.
 */
class SwaksInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static InteropEnv.Tool swaks(String host, int port, Map<String, String> envVars, String... args) {
    List<String> cmd =
        new ArrayList<>(List.of("swaks", "--server", host, "--port", Integer.toString(port)));
    cmd.addAll(List.of("--helo", "client.interop.test", "--from", "probe@client.interop.test"));
    cmd.addAll(List.of("--timeout", "10"));
    cmd.addAll(List.of(args));
    return InteropEnv.tool(envVars, cmd.toArray(String[]::new));
  }

  static InteropEnv.Tool swaks(String host, int port, String... args) {
    return swaks(host, port, Map.of(), args);
  }

  Map<String, String> password() {
    return Map.of("SWAKS_OPT_auth_password", env.password());
  }

  @Test
  void port25OffersStartTlsAndNoAuthBeforeTls() {
    var t = swaks(env.get("smtp.mx1"), 25, "--quit-after", "EHLO");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(
        t,
        "220 mx1.good.test ESMTP",
        "250-STARTTLS",
        "250-SIZE 10485760",
        "250-8BITMIME",
        "250-PIPELINING");
    assertThat(t.output()).doesNotContain("250-AUTH", "250 AUTH");
  }

  @Test
  void port25StartTlsWorksWithTheTestCa() {
    var t =
        swaks(
            env.get("smtp.mx1"),
            25,
            "--tls",
            "--tls-verify",
            "--tls-ca-path",
            env.get("tls.ca"),
            "--quit-after",
            "TLS");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "220 2.0.0 Ready to start TLS", "TLS started", "/CN=mx1.good.test");
  }

  @Test
  void port25RefusesRelayingToAForeignDomain() {
    var t =
        swaks(env.get("smtp.mx1"), 25, "--to", "someone@foreign.example", "--quit-after", "RCPT");
    assertThat(t.exitCode()).as(redacted(t.output())).isNotZero();
    assertContains(t, "554 5.7.1 <someone@foreign.example>: Relay access denied");
  }

  @Test
  void port25AcceptsMailForItsOwnDomain() {
    var t = swaks(env.get("smtp.mx1"), 25, "--to", "postmaster@good.test", "--quit-after", "RCPT");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "250 2.1.5 Ok");
  }

  @Test
  void secondMxAnswersWithItsOwnName() {
    var t = swaks(env.get("smtp.mx2"), 25, "--quit-after", "EHLO");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "220 mx2.good.test ESMTP", "250-STARTTLS");
  }

  @Test
  void submissionRequiresTlsAndHidesAuthBeforeIt() {
    var t = swaks(env.get("smtp.mx1"), 587, "--to", "postmaster@good.test", "--quit-after", "MAIL");
    assertThat(t.exitCode()).as(redacted(t.output())).isNotZero();
    assertContains(t, "250-STARTTLS", "530 5.7.0 Must issue a STARTTLS command first");
    assertThat(t.output()).doesNotContain("250-AUTH", "250 AUTH");
  }

  @Test
  void submissionAuthPlainSucceedsAfterStartTls() {
    var t =
        swaks(
            env.get("smtp.mx1"),
            587,
            password(),
            "--tls",
            "--tls-verify",
            "--tls-ca-path",
            env.get("tls.ca"),
            "--auth",
            "PLAIN",
            "--auth-user",
            env.get("auth.user"),
            "--quit-after",
            "AUTH");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "250-AUTH PLAIN LOGIN", "235 2.7.0 Authentication successful");
  }

  @Test
  void submissionAuthLoginSucceedsAfterStartTls() {
    var t =
        swaks(
            env.get("smtp.mx1"),
            587,
            password(),
            "--tls",
            "--auth",
            "LOGIN",
            "--auth-user",
            env.get("auth.user"),
            "--quit-after",
            "AUTH");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "235 2.7.0 Authentication successful");
  }

  @Test
  void submissionWrongPasswordIsRefused() {
    var t =
        swaks(
            env.get("smtp.mx1"),
            587,
            Map.of("SWAKS_OPT_auth_password", "not-the-password"),
            "--tls",
            "--auth",
            "PLAIN",
            "--auth-user",
            env.get("auth.user"),
            "--quit-after",
            "AUTH");
    assertThat(t.exitCode()).as(redacted(t.output())).isNotZero();
    assertContains(t, "535 5.7.8 Error: authentication failed");
  }

  @Test
  void implicitTlsOn465WithAuth() {
    var t =
        swaks(
            env.get("smtp.mx1"),
            465,
            password(),
            "--tlsc",
            "--tls-verify",
            "--tls-ca-path",
            env.get("tls.ca"),
            "--auth",
            "PLAIN",
            "--auth-user",
            env.get("auth.user"),
            "--quit-after",
            "AUTH");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(
        t, "TLS started", "220 mx1.good.test ESMTP", "235 2.7.0 Authentication successful");
  }

  @Test
  void plainListenerOffersAuthInClearTextWithoutStartTls() {
    for (int port : new int[] {25, 587}) {
      var t = swaks(env.get("smtp.plain"), port, "--quit-after", "EHLO");
      assertThat(t.exitCode()).as(redacted(t.output())).isZero();
      assertContains(t, "220 mx.weak.test ESMTP", "250-AUTH PLAIN LOGIN");
      assertThat(t.output()).as("port " + port).doesNotContain("STARTTLS");
    }
  }

  @Test
  void plainListenerReallyAcceptsThePasswordInClearText() {
    var t =
        swaks(
            env.get("smtp.plain"),
            587,
            password(),
            "--auth",
            "PLAIN",
            "--auth-user",
            env.get("auth.user"),
            "--quit-after",
            "AUTH");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "235 2.7.0 Authentication successful");
  }

  @Test
  void badCertificateListenerFailsVerification() {
    var verified =
        swaks(
            env.get("smtp.badcert"),
            25,
            "--tls",
            "--tls-verify",
            "--tls-ca-path",
            env.get("tls.ca"),
            "--quit-after",
            "TLS");
    assertThat(verified.exitCode()).as(redacted(verified.output())).isNotZero();
    var unverified = swaks(env.get("smtp.badcert"), 25, "--tls", "--quit-after", "TLS");
    assertThat(unverified.exitCode()).as(redacted(unverified.output())).isZero();
    assertContains(unverified, "220 mx.broken.test ESMTP", "TLS started", "/CN=wrong-name.invalid");
  }

  @Test
  void badCertificateOnImplicitTls() {
    var t = swaks(env.get("smtp.badcert"), 465, "--tlsc", "--quit-after", "EHLO");
    assertThat(t.exitCode()).as(redacted(t.output())).isZero();
    assertContains(t, "/CN=wrong-name.invalid", "220 mx.broken.test ESMTP");
  }
}
