package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Where {@code smtp --user} gets its secret (environment, --password-file, --token-file, prompt),
 * with the environment and the console injected, and that the secret never reaches stdout, stderr,
 * JSON or the transcript in any form the wire carried it.
 */
class SmtpSecretsTest {
  static final String USER = "alice";
  static final String PASSWORD = "pw-Zq8v!secret";
  static final String TOKEN = "ya29.tokenXYZ987";
  static TestPki.Issued cert;
  static Path caFile;
  static ScriptedSmtpServer server;
  @TempDir static Path dir;

  /** Fails the test when called: the prompt must not be used when another source exists. */
  static final Secrets.Prompt NO_PROMPT_EXPECTED =
      p -> {
        throw new AssertionError("prompted although another source was given");
      };

  static final Secrets.Prompt NO_TERMINAL = p -> Optional.empty();

  @BeforeAll
  static void start() throws Exception {
    TestPki pki = TestPki.create();
    cert = pki.issue("localhost", List.of("localhost", "127.0.0.1"), 90);
    caFile = pki.writeCaPem(dir);
    server =
        ScriptedSmtpServer.start(
            new StandardSmtp()
                .starttls(cert.serverContext())
                .auth("PLAIN", "LOGIN", "XOAUTH2")
                .user(USER, PASSWORD));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static CliRun run(Map<String, String> env, Secrets.Prompt prompt, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    CommandLine cl =
        CommandLines.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    ((SmtpCommand) cl.getSubcommands().get("smtp").getCommand()).secrets = new Secrets(env, prompt);
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static String[] probe(String... extra) {
    var args =
        new ArrayList<>(
            List.of(
                "smtp",
                server.hostPort(),
                "--ca-file",
                caFile.toString(),
                "--user",
                USER,
                "--timeout",
                "3s",
                "--no-legacy-tls"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The secret in clear and in every encoding PLAIN, LOGIN and XOAUTH2 put on the wire. */
  static void assertNoSecret(CliRun run, String secret) {
    String all = run.out() + "\n" + run.err();
    assertThat(all)
        .doesNotContain(secret)
        .doesNotContain(b64(secret))
        .doesNotContain(b64(secret).replace("=", ""))
        .doesNotContain(b64("\0" + USER + "\0" + secret))
        .doesNotContain(b64(USER + "\0" + USER + "\0" + secret))
        .doesNotContain(b64("user=" + USER + "\u0001auth=Bearer " + secret + "\u0001\u0001"));
  }

  static String authResult(CliRun run) {
    return run.json().get("smtp").get("auth").get("result").asText();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PLAIN", "LOGIN"})
  void environmentPasswordIsUsedAndNeverShown(String mech) {
    CliRun json =
        run(
            Map.of("MAILCHECK_PASSWORD", PASSWORD),
            NO_PROMPT_EXPECTED,
            probe("--auth", mech, "-v", "--json"));
    assertThat(json.exitCode()).as(json.out() + json.err()).isZero();
    assertThat(authResult(json)).isEqualTo("success");
    assertThat(json.json().get("transcript").toString()).contains("AUTH " + mech);
    assertNoSecret(json, PASSWORD);
    CliRun text =
        run(
            Map.of("MAILCHECK_PASSWORD", PASSWORD),
            NO_PROMPT_EXPECTED,
            probe("--auth", mech, "-v", "--no-color"));
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("SMTP TRANSCRIPT");
    assertNoSecret(text, PASSWORD);
  }

  @Test
  void wrongPasswordFailureNeverShowsIt() {
    String wrong = "wrong-Pw-4711";
    for (String mech : List.of("PLAIN", "LOGIN")) {
      CliRun run =
          run(
              Map.of("MAILCHECK_PASSWORD", wrong),
              NO_PROMPT_EXPECTED,
              probe("--auth", mech, "-v", "--json"));
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(authResult(run)).isEqualTo("failed");
      assertNoSecret(run, wrong);
    }
  }

  @Test
  void passwordFileWinsOverTheEnvironmentAndItsLineEndIsStripped() throws Exception {
    Path pw = dir.resolve("pw-crlf");
    Files.writeString(pw, PASSWORD + "\r\nsecond line ignored\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    CliRun run =
        run(
            Map.of("MAILCHECK_PASSWORD", "not-this-one"),
            NO_PROMPT_EXPECTED,
            probe("--password-file", pw.toString(), "-v", "--json"));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(authResult(run)).isEqualTo("success");
    assertThat(run.err()).isEmpty();
    assertNoSecret(run, PASSWORD);

    Path lf = dir.resolve("pw-lf");
    Files.writeString(lf, PASSWORD + "\n");
    Files.setPosixFilePermissions(lf, PosixFilePermissions.fromString("rw-------"));
    assertThat(
            authResult(
                run(
                    Map.of(),
                    NO_PROMPT_EXPECTED,
                    probe("--password-file", lf.toString(), "--json"))))
        .isEqualTo("success");
  }

  @Test
  void worldReadablePasswordFileIsAOneLineWarningAndTheRunGoesOn() throws Exception {
    Path pw = dir.resolve("pw-open");
    Files.writeString(pw, PASSWORD + "\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun run =
        run(Map.of(), NO_PROMPT_EXPECTED, probe("--password-file", pw.toString(), "--json"));
    assertThat(run.exitCode()).isZero();
    assertThat(authResult(run)).isEqualTo("success");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .contains("warning")
        .contains("readable by other users")
        .contains("chmod 600");
    assertNoSecret(run, PASSWORD);
  }

  @Test
  void missingOrUnreadablePasswordFileIsExitTwoWithOneLine() throws Exception {
    for (Path bad :
        List.of(
            dir.resolve("does-not-exist"), Files.createDirectories(dir.resolve("a-directory")))) {
      CliRun run =
          run(
              Map.of("MAILCHECK_PASSWORD", PASSWORD),
              NO_PROMPT_EXPECTED,
              probe("--password-file", bad.toString()));
      assertThat(run.exitCode()).as(bad.toString()).isEqualTo(2);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err())
          .startsWith("mailcheck: cannot read --password-file")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(run.out()).isEmpty();
    }
    assertThat(server.received()).noneMatch(l -> l.contains("does-not-exist"));
  }

  @Test
  void emptyOrEndlessPasswordFileIsExitTwo() throws Exception {
    Path empty = dir.resolve("pw-empty");
    Files.writeString(empty, "\n");
    CliRun run = run(Map.of(), NO_PROMPT_EXPECTED, probe("--password-file", empty.toString()));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is empty");
    Path zero = Path.of("/dev/zero");
    if (Files.isReadable(zero)) {
      long start = System.nanoTime();
      CliRun endless = run(Map.of(), NO_PROMPT_EXPECTED, probe("--password-file", zero.toString()));
      assertThat(endless.exitCode()).isEqualTo(2);
      assertThat(endless.err().strip().lines()).hasSize(1);
      assertThat(endless.err()).contains("first line longer than");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }
  }

  @Test
  void noSourceAndNoTerminalIsExitTwoWithOneLine() {
    CliRun run = run(Map.of(), NO_TERMINAL, probe());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .contains("MAILCHECK_PASSWORD")
        .contains("--password-file")
        .doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
    // an empty MAILCHECK_PASSWORD is no source either
    assertThat(run(Map.of("MAILCHECK_PASSWORD", ""), NO_TERMINAL, probe()).exitCode()).isEqualTo(2);
  }

  @Test
  void promptIsUsedWhenThereIsNoOtherSource() {
    var prompts = new ArrayList<String>();
    CliRun run =
        run(
            Map.of(),
            p -> {
              prompts.add(p);
              return Optional.of(PASSWORD.toCharArray());
            },
            probe("-v", "--json"));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(authResult(run)).isEqualTo("success");
    assertThat(prompts).containsExactly("Password for alice: ");
    assertNoSecret(run, PASSWORD);
    CliRun empty = run(Map.of(), p -> Optional.of(new char[0]), probe());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("no password entered");
  }

  @Test
  void oauthTokenFromTheEnvironmentOrAFileIsNeverShown() throws Exception {
    var script =
        new StandardSmtp().starttls(cert.serverContext()).auth("XOAUTH2").user(USER, TOKEN);
    try (var xo = ScriptedSmtpServer.start(script)) {
      String[] args = {
        "smtp",
        xo.hostPort(),
        "--ca-file",
        caFile.toString(),
        "--user",
        USER,
        "--auth",
        "xoauth2",
        "--timeout",
        "3s",
        "--no-legacy-tls",
        "-v",
        "--json"
      };
      CliRun env =
          run(
              Map.of("MAILCHECK_OAUTH_TOKEN", TOKEN, "MAILCHECK_PASSWORD", "unused"),
              NO_PROMPT_EXPECTED,
              args);
      assertThat(env.exitCode()).as(env.out() + env.err()).isZero();
      assertThat(authResult(env)).isEqualTo("success");
      assertNoSecret(env, TOKEN);

      Path tf = dir.resolve("token");
      Files.writeString(tf, TOKEN + "\n");
      Files.setPosixFilePermissions(tf, PosixFilePermissions.fromString("rw-------"));
      String[] withFile =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(args),
                  java.util.stream.Stream.of("--token-file", tf.toString()))
              .toArray(String[]::new);
      CliRun file = run(Map.of(), NO_PROMPT_EXPECTED, withFile);
      assertThat(authResult(file)).isEqualTo("success");
      assertNoSecret(file, TOKEN);

      CliRun none = run(Map.of(), NO_PROMPT_EXPECTED, args);
      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err()).contains("MAILCHECK_OAUTH_TOKEN");
    }
  }

  /**
   * Issue 11 item 17: the docs say "XOAUTH2 when a token is given"; MAILCHECK_OAUTH_TOKEN alone (no
   * --auth) used to be ignored in favour of a password prompt. Both variables at once without
   * --auth is a usage error, not a guess.
   */
  @Test
  void oauthTokenFromTheEnvironmentIsUsedWithoutAuthOption() throws Exception {
    var script =
        new StandardSmtp().starttls(cert.serverContext()).auth("XOAUTH2").user(USER, TOKEN);
    try (var xo = ScriptedSmtpServer.start(script)) {
      String[] args = {
        "smtp",
        xo.hostPort(),
        "--ca-file",
        caFile.toString(),
        "--user",
        USER,
        "--timeout",
        "3s",
        "--no-legacy-tls",
        "-v",
        "--json"
      };
      CliRun env = run(Map.of("MAILCHECK_OAUTH_TOKEN", TOKEN), NO_PROMPT_EXPECTED, args);
      assertThat(env.exitCode()).as(env.out() + env.err()).isZero();
      assertThat(authResult(env)).isEqualTo("success");
      assertNoSecret(env, TOKEN);

      CliRun both =
          run(
              Map.of("MAILCHECK_OAUTH_TOKEN", TOKEN, "MAILCHECK_PASSWORD", PASSWORD),
              NO_PROMPT_EXPECTED,
              args);
      assertThat(both.exitCode()).isEqualTo(2);
      assertThat(both.out()).isEmpty();
      assertThat(both.err().strip())
          .isEqualTo(
              "mailcheck: both MAILCHECK_PASSWORD and MAILCHECK_OAUTH_TOKEN are set; choose one"
                  + " with --auth (XOAUTH2 uses the token)");
      assertNoSecret(both, TOKEN);
      assertNoSecret(both, PASSWORD);
    }
  }

  /**
   * Issue 4: AUTH is never sent before TLS without --allow-plaintext-auth; with it, it is, and the
   * exposure is reported.
   */
  @Test
  void authIsNeverSentInClearWithoutAllowPlaintextAuth() throws Exception {
    var script = new StandardSmtp().auth("PLAIN", "LOGIN").authBeforeTls(true).user(USER, PASSWORD);
    try (var clear = ScriptedSmtpServer.start(script)) {
      String[] base = {"smtp", clear.hostPort(), "--user", USER, "--timeout", "3s", "--json", "-v"};
      CliRun refused = run(Map.of("MAILCHECK_PASSWORD", PASSWORD), NO_PROMPT_EXPECTED, base);
      JsonNode json = refused.json();
      assertThat(clear.received())
          .noneMatch(l -> l.toUpperCase(java.util.Locale.ROOT).startsWith("AUTH"));
      assertThat(json.get("smtp").get("auth").get("result").asText())
          .isEqualTo("skipped-plaintext");
      assertThat(status(json, "smtp.auth")).isEqualTo("warn");
      assertThat(status(json, "smtp.plaintext-auth")).isEqualTo("fail");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertNoSecret(refused, PASSWORD);

      String[] allowed =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(base),
                  java.util.stream.Stream.of("--allow-plaintext-auth", "--auth", "login"))
              .toArray(String[]::new);
      CliRun sent = run(Map.of("MAILCHECK_PASSWORD", PASSWORD), NO_PROMPT_EXPECTED, allowed);
      JsonNode j2 = sent.json();
      assertThat(clear.received()).anyMatch(l -> l.equals("AUTH LOGIN"));
      assertThat(j2.get("smtp").get("auth").get("result").asText()).isEqualTo("success");
      assertThat(status(j2, "smtp.auth")).isEqualTo("pass");
      assertThat(status(j2, "smtp.plaintext-auth")).isEqualTo("fail");
      assertNoSecret(sent, PASSWORD);
    }
  }

  /**
   * QA: text output said "AUTH: skipped-plaintext"; it is in words for people, JSON keeps the
   * token.
   */
  @Test
  void textOutputShowsAuthOutcomeInWordsAndDetailIsPunctuated() throws Exception {
    var script = new StandardSmtp().auth("PLAIN", "LOGIN").authBeforeTls(true).user(USER, PASSWORD);
    try (var clear = ScriptedSmtpServer.start(script)) {
      CliRun text =
          run(
              Map.of("MAILCHECK_PASSWORD", PASSWORD),
              NO_PROMPT_EXPECTED,
              "smtp",
              clear.hostPort(),
              "--user",
              USER,
              "--timeout",
              "3s",
              "--no-color");
      assertThat(text.out())
          .contains("  AUTH: not sent: the connection is not encrypted; offered PLAIN LOGIN")
          .doesNotContain("skipped-plaintext");
      // details wrap at 80 columns: compare the sentence with its line breaks undone
      assertThat(text.out().replaceAll("\\s*\\n\\s*", " "))
          .contains(
              "Not sent: the connection is not encrypted (use --allow-plaintext-auth to send credentials in clear). Offered: PLAIN LOGIN.");

      CliRun refused =
          run(
              Map.of("MAILCHECK_PASSWORD", PASSWORD),
              NO_PROMPT_EXPECTED,
              "smtp",
              clear.hostPort(),
              "--user",
              USER,
              "--auth",
              "CRAM-MD5",
              "--allow-plaintext-auth",
              "--timeout",
              "3s",
              "--no-color");
      assertThat(refused.out())
          .contains("  AUTH: mechanism CRAM-MD5 not usable; offered PLAIN LOGIN")
          .doesNotContain("mechanism-refused");
      CliRun json =
          run(
              Map.of("MAILCHECK_PASSWORD", PASSWORD),
              NO_PROMPT_EXPECTED,
              "smtp",
              clear.hostPort(),
              "--user",
              USER,
              "--auth",
              "CRAM-MD5",
              "--allow-plaintext-auth",
              "--timeout",
              "3s",
              "--json");
      assertThat(json.json().get("smtp").get("auth").get("result").asText())
          .isEqualTo("mechanism-refused");
    }
  }

  @Test
  void authIsNotSentWhenStartTlsIsRefusedOrTlsIsOff() throws Exception {
    var script =
        new StandardSmtp()
            .starttlsReply("454 4.7.0 TLS not available")
            .auth("PLAIN")
            .authBeforeTls(true)
            .user(USER, PASSWORD);
    try (var s = ScriptedSmtpServer.start(script)) {
      for (String mode : List.of("--starttls", "--no-tls", "--timeout=3s")) {
        CliRun run =
            run(
                Map.of("MAILCHECK_PASSWORD", PASSWORD),
                NO_PROMPT_EXPECTED,
                "smtp",
                s.hostPort(),
                "--user",
                USER,
                mode,
                "--json");
        assertThat(run.exitCode()).as(mode).isIn(0, 1);
        if (!mode.equals("--starttls"))
          assertThat(run.json().get("smtp").get("auth").get("result").asText())
              .as(mode)
              .isEqualTo("skipped-plaintext");
        else
          assertThat(run.json().get("smtp").get("failure").get("kind").asText())
              .isEqualTo("starttls-refused");
      }
      assertThat(s.received())
          .noneMatch(l -> l.toUpperCase(java.util.Locale.ROOT).startsWith("AUTH"));
    }
  }

  static String status(JsonNode json, String id) {
    for (JsonNode f : json.get("findings"))
      if (f.get("id").asText().equals(id)) return f.get("status").asText();
    return "absent";
  }

  @Test
  void theSecretIsNotInTheJsonEvenWhereTheServerSaysWhatItGot() {
    CliRun run =
        run(
            Map.of("MAILCHECK_PASSWORD", PASSWORD),
            NO_PROMPT_EXPECTED,
            probe("--auth", "PLAIN", "-v", "--json"));
    JsonNode json = run.json();
    assertThat(json.toString())
        .doesNotContain(PASSWORD)
        .doesNotContain(b64("\0" + USER + "\0" + PASSWORD));
    assertThat(json.get("transcript").toString()).contains("AUTH PLAIN <redacted>");
  }
}
