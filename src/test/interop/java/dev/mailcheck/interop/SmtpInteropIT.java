package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertClean;
import static dev.mailcheck.interop.Findings.assertFlagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailcheck smtp} against real Postfix with Dovecot SASL: STARTTLS on 25, submission with
 * AUTH PLAIN/LOGIN on 587, implicit TLS on 465, the clear-text AUTH listener, the expired and
 * mismatched certificate, the relay test; and what mailcheck saw offered equals what swaks saw.
 */
class SmtpInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  /** Runs mailcheck smtp and checks that the password shows up nowhere in what it printed. */
  static JsonNode smtp(String... args) {
    List<String> all = new ArrayList<>(List.of("smtp"));
    all.addAll(List.of(args));
    // the lab's names resolve to 127.25.0.x: probing them is allowed explicitly (issue 11 #1)
    all.add("--allow-private");
    all.add("--json");
    CliRun run = env.mailcheck(all.toArray(String[]::new));
    String password = env.password();
    String user = env.get("auth.user");
    String plain =
        Base64.getEncoder()
            .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    String login = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    for (String secret : List.of(password, plain, login)) {
      assertThat(run.out()).as("stdout must not carry the password").doesNotContain(secret);
      assertThat(run.err()).as("stderr must not carry the password").doesNotContain(secret);
    }
    assertThat(run.err()).as("stderr of %s", all).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code of %s: %s", all, run.err()).isBetween(0, 1);
    return run.json();
  }

  static Set<String> keywords(JsonNode extensions) {
    Set<String> out = new TreeSet<>();
    extensions
        .path("keywords")
        .forEach(k -> out.add(k.asText().split(" ")[0].toUpperCase(Locale.ROOT)));
    return out;
  }

  /** The EHLO keywords swaks saw: before TLS ("<- 250") or after ("<~ 250"). */
  static Set<String> swaksKeywords(String host, int port, boolean afterTls) {
    var t =
        afterTls
            ? SwaksInteropIT.swaks(host, port, "--tls", "--quit-after", "EHLO")
            : SwaksInteropIT.swaks(host, port, "--quit-after", "EHLO");
    assertThat(t.exitCode()).as(InteropEnv.redacted(t.output())).isZero();
    String prefix = afterTls ? "<~  250" : "<-  250";
    List<String> lines =
        t.output()
            .lines()
            .filter(l -> l.startsWith(prefix))
            .map(l -> l.substring(prefix.length() + 1))
            .toList();
    Set<String> out = new TreeSet<>();
    // The first 250 line is the greeting (the server's name), the rest are extensions.
    for (String l : lines.subList(1, lines.size()))
      out.add(l.split(" ")[0].toUpperCase(Locale.ROOT));
    return out;
  }

  @Test
  void port25StartTlsWithTrustedCertificateAndMatchingName() {
    JsonNode r = smtp("mx1.good.test:25", "--starttls", "--ca-file", env.get("tls.ca"));
    JsonNode s = r.path("smtp");
    assertThat(s.path("address").asText()).isEqualTo(env.get("smtp.mx1"));
    assertThat(s.path("banner").path("code").asInt()).isEqualTo(220);
    assertThat(s.path("startTls").asText()).isEqualTo("ok");
    assertThat(s.path("tls").path("protocol").asText()).startsWith("TLSv1.");
    assertThat(s.path("tls").path("trusted").asBoolean()).isTrue();
    assertThat(s.path("tls").path("nameMatches").asBoolean()).isTrue();
    assertThat(s.path("tls").path("daysToExpiry").asInt()).isBetween(27, 31);
    assertThat(s.path("extensionsBeforeTls").path("size").asLong()).isEqualTo(10485760L);
    assertClean(r, "smtp.starttls");
    assertClean(r, "smtp.certificate");
    assertNoFinding(r, "smtp.plaintext-auth");
  }

  @Test
  void extensionsAreWhatSwaksSees() {
    JsonNode s =
        smtp("mx1.good.test:25", "--starttls", "--ca-file", env.get("tls.ca")).path("smtp");
    assertThat(keywords(s.path("extensionsBeforeTls")))
        .isEqualTo(swaksKeywords(env.get("smtp.mx1"), 25, false));
    assertThat(keywords(s.path("extensionsAfterTls")))
        .isEqualTo(swaksKeywords(env.get("smtp.mx1"), 25, true));
    JsonNode weak = smtp("mx.weak.test:25").path("smtp");
    assertThat(keywords(weak.path("extensionsBeforeTls")))
        .isEqualTo(swaksKeywords(env.get("smtp.plain"), 25, false));
  }

  @Test
  void submissionAuthPlainAndLoginSucceed() {
    for (String mech : List.of("PLAIN", "LOGIN")) {
      JsonNode r =
          smtp(
              "mx1.good.test:587",
              "--starttls",
              "--ca-file",
              env.get("tls.ca"),
              "--user",
              env.get("auth.user"),
              "--auth",
              mech,
              "--password-file",
              env.get("auth.passwordFile"),
              "-v");
      JsonNode auth = r.path("smtp").path("auth");
      assertThat(auth.path("attempted").asText()).as(mech).isEqualToIgnoringCase(mech);
      assertThat(auth.path("result").asText()).as(mech + ": " + auth).isEqualTo("success");
      assertThat(auth.path("reply").path("code").asInt()).isEqualTo(235);
      assertThat(r.path("smtp").path("extensionsBeforeTls").path("auth"))
          .as("no AUTH before TLS on 587")
          .isEmpty();
      assertClean(r, "smtp.auth");
    }
  }

  @Test
  void submissionWrongPasswordFailsWithTheServersReason(@TempDir Path tmp) throws Exception {
    Path wrong = tmp.resolve("wrong-password");
    Files.writeString(wrong, "not-the-password\n");
    JsonNode r =
        smtp(
            "mx1.good.test:587",
            "--starttls",
            "--ca-file",
            env.get("tls.ca"),
            "--user",
            env.get("auth.user"),
            "--auth",
            "PLAIN",
            "--password-file",
            wrong.toString());
    JsonNode auth = r.path("smtp").path("auth");
    assertThat(auth.path("result").asText()).isEqualTo("failed");
    assertThat(auth.path("reply").path("code").asInt()).isEqualTo(535);
    assertFlagged(r, "smtp.auth");
  }

  @Test
  void implicitTlsOn465() {
    JsonNode r =
        smtp(
            "mx1.good.test:465",
            "--tls",
            "--ca-file",
            env.get("tls.ca"),
            "--user",
            env.get("auth.user"),
            "--password-file",
            env.get("auth.passwordFile"));
    JsonNode s = r.path("smtp");
    assertThat(s.path("tlsMode").asText()).isEqualTo("implicit");
    assertThat(s.path("banner").path("code").asInt()).isEqualTo(220);
    assertThat(s.path("tls").path("trusted").asBoolean()).isTrue();
    assertThat(s.path("tls").path("nameMatches").asBoolean()).isTrue();
    assertThat(s.path("auth").path("result").asText()).isEqualTo("success");
  }

  /**
   * Issue 11 item 17: real Postfix in wrapper mode on 465 waits for a TLS handshake and never
   * greets a plaintext client; {@code --starttls} there ends without a greeting, and the finding
   * says to use {@code --tls} instead of blaming a tarpit.
   */
  @Test
  void plaintextProbeOfImplicitTlsPortHintsAtTls() {
    for (String mode : List.of("--starttls", "--no-tls")) {
      // the deadline is the lab's --timeout (env.mailcheck adds it): Postfix waits much longer
      CliRun run = env.mailcheck("smtp", "mx1.good.test:465", mode, "--allow-private", "--json");
      assertThat(run.err()).doesNotContain("Exception");
      assertThat(run.exitCode()).as(mode + ": " + run.err()).isEqualTo(3);
      JsonNode r = run.json();
      assertThat(r.path("incomplete").asBoolean()).isTrue();
      JsonNode banner = null;
      for (JsonNode f : r.path("findings"))
        if (f.path("id").asText().equals("smtp.banner")) banner = f;
      assertThat(banner).as(mode + ": smtp.banner finding").isNotNull();
      assertThat(banner.path("status").asText()).isEqualTo("error");
      assertThat(banner.path("remedy").asText()).contains("--tls").contains("RFC 8314");
    }
  }

  @Test
  void clearTextAuthListenerIsFlagged() {
    JsonNode r = smtp("mx.weak.test:25");
    JsonNode s = r.path("smtp");
    assertThat(s.path("startTls").asText()).isEqualTo("not-offered");
    List<String> offered = new ArrayList<>();
    s.path("extensionsBeforeTls")
        .path("auth")
        .forEach(m -> offered.add(m.asText().toUpperCase(Locale.ROOT)));
    assertThat(offered).contains("PLAIN", "LOGIN");
    assertFlagged(r, "smtp.plaintext-auth");
    assertFlagged(r, "smtp.starttls");
  }

  @Test
  void passwordIsNotSentInClearTextUnlessAllowed() {
    JsonNode r =
        smtp(
            "mx.weak.test:587",
            "--user",
            env.get("auth.user"),
            "--password-file",
            env.get("auth.passwordFile"));
    assertThat(r.path("smtp").path("auth").path("result").asText()).isEqualTo("skipped-plaintext");
  }

  @Test
  void expiredCertificateForAnotherNameIsFlagged() {
    for (String[] args :
        List.of(
            new String[] {"mx.broken.test:25", "--starttls", "--ca-file", env.get("tls.ca")},
            new String[] {"mx.broken.test:465", "--tls", "--ca-file", env.get("tls.ca")})) {
      JsonNode r = smtp(args);
      JsonNode tls = r.path("smtp").path("tls");
      assertThat(tls.path("trusted").asBoolean()).as(args[0]).isFalse();
      assertThat(tls.path("nameMatches").asBoolean()).as(args[0]).isFalse();
      assertThat(tls.path("daysToExpiry").asInt()).as(args[0]).isNegative();
      assertThat(tls.path("certificates").get(0).path("sans").toString())
          .contains("wrong-name.invalid");
      assertFlagged(r, "smtp.certificate-expiry");
      assertFlagged(r, "smtp.certificate-name");
      // the handshake worked: never reported as a broken STARTTLS / implicit TLS
      assertThat(r.toString()).as(args[0]).doesNotContainIgnoringCase("handshake failed");
      if (args[0].endsWith(":25")) {
        // opportunistic TLS: the session goes on over the bad certificate, as MTAs do
        assertThat(r.path("smtp").path("startTls").asText()).isEqualTo("ok");
        assertThat(r.path("smtp").has("failure"))
            .as(r.path("smtp").path("failure").toString())
            .isFalse();
        assertThat(r.path("smtp").has("extensionsAfterTls")).isTrue();
      } else {
        // submission: stopped after the handshake, as a certificate finding
        assertThat(r.path("smtp").path("failure").path("kind").asText()).isEqualTo("certificate");
      }
    }
  }

  @Test
  void relayToAForeignDomainIsRefused() {
    JsonNode r = smtp("mx1.good.test:25", "--relay-test", "--ca-file", env.get("tls.ca"));
    assertThat(r.path("smtp").path("relay").path("result").asText()).isEqualTo("refused");
    assertThat(r.path("smtp").path("relay").path("rcptReply").path("code").asInt()).isEqualTo(554);
    assertClean(r, "smtp.open-relay");
  }

  @Test
  void legacyTlsRefusedOnTheGoodListenerAcceptedOnTheBadOne() {
    JsonNode good = smtp("mx1.good.test:465", "--tls", "--ca-file", env.get("tls.ca"));
    JsonNode legacy = good.path("smtp").path("tls").path("legacy");
    assertThat(legacy.path("conclusive").asBoolean()).as(legacy.toString()).isTrue();
    assertThat(legacy.path("accepted").asBoolean()).as(legacy.toString()).isFalse();
    assertClean(good, "smtp.tls-legacy");
    JsonNode bad =
        smtp("mx.broken.test:465", "--tls", "--ca-file", env.get("tls.ca"), "--insecure");
    JsonNode badLegacy = bad.path("smtp").path("tls").path("legacy");
    assertThat(badLegacy.path("accepted").asBoolean()).as(badLegacy.toString()).isTrue();
    assertFlagged(bad, "smtp.tls-legacy");
  }

  static void assertNoFinding(JsonNode r, String id) {
    Findings.assertNotFlagged(r, id);
  }
}
