package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertFlagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DKIM against messages signed at test time by dkimpy (python3-dkim, Debian) with the keys run.sh
 * generated and published in Knot: every canonicalization pair, RSA-2048 and Ed25519, with and
 * without l=, plus tampered copies. dkimpy's own verdict is checked first (the fixtures are right),
 * then mailcheck's.
 */
class DkimInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  /** One index.tsv row. */
  record Message(
      String file,
      String domain,
      String selector,
      String algorithm,
      String canon,
      boolean length,
      String expected,
      String dkimpy,
      String note) {
    @Override
    public String toString() {
      return file + " (" + note + ") -> " + expected;
    }
  }

  static Stream<Message> messages() {
    return Tsv.read(InteropEnv.load().path("dkim.messages").resolve("index.tsv")).stream()
        .map(
            r ->
                new Message(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5).equals("yes"),
                    r.get(6),
                    r.get(7),
                    r.get(8)));
  }

  @Test
  void openDkimSignedFixturesArePresent() {
    assertThat(messages().filter(m -> m.note().startsWith("opendkim:")).count()).isEqualTo(2);
  }

  @Test
  void fixturesCoverEveryCombination() {
    var passing =
        messages()
            .filter(m -> m.expected().equals("pass") && m.note().equals("as signed"))
            .toList();
    // 2 algorithms x 4 canonicalization pairs x with/without l=
    assertThat(passing).hasSize(16);
    assertThat(passing.stream().map(Message::algorithm).distinct())
        .containsExactlyInAnyOrder("rsa-sha256", "ed25519-sha256");
    assertThat(passing.stream().map(Message::canon).distinct())
        .containsExactlyInAnyOrder(
            "simple/simple", "simple/relaxed", "relaxed/simple", "relaxed/relaxed");
    assertThat(messages().filter(m -> m.expected().equals("fail")).count())
        .isGreaterThanOrEqualTo(32);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void dkimpyVerifiesItsOwnFixturesAsExpected(Message m) {
    String verdict = m.dkimpy().startsWith("error:") ? "fail" : m.dkimpy();
    assertThat(verdict).as(m.toString()).isEqualTo(m.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void mailcheckVerifiesLikeExpected(Message m) {
    Path file = env.path("dkim.messages").resolve(m.file());
    CliRun run = env.mailcheck("dkim", "verify", file.toString(), "--json");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    JsonNode sigs = run.json().path("dkim").path("signatures");
    assertThat(sigs).as(m.toString()).hasSize(1);
    JsonNode sig = sigs.get(0);
    assertThat(sig.path("domain").asText()).isEqualTo(m.domain());
    assertThat(sig.path("selector").asText()).isEqualTo(m.selector());
    String result = sig.path("result").asText();
    String reason = sig.path("reason").asText().toLowerCase(Locale.ROOT);
    if (m.note().equals("512-bit key in test mode")) {
      // RFC 8301 3.2: keys under 1024 bits must not be accepted; which failure word is a choice.
      assertThat(result).as(m + ": " + reason).isIn("fail", "permerror", "policy");
    } else {
      assertThat(result).as(m + ": " + reason).isEqualTo(m.expected());
    }
    if (m.note().endsWith("body hash mismatch")) assertThat(reason).contains("body");
    if (m.note().endsWith("signature mismatch")) assertThat(reason).contains("signature");
    if (m.algorithm().equals("rsa-sha1") && result.equals("pass")) {
      // RFC 8301: rsa-sha1 is historic; a pass must come with a warning.
      assertThat(sig.path("warnings").toString().toLowerCase(Locale.ROOT)).contains("sha1", "8301");
    }
  }

  static JsonNode audit(String domain, String... selectors) {
    var args = new java.util.ArrayList<String>(java.util.List.of("dkim", domain));
    for (String s : selectors) args.addAll(java.util.List.of("--selector", s));
    args.add("--json");
    CliRun run = env.mailcheck(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    return run.json();
  }

  static JsonNode selector(JsonNode report, String name) {
    for (JsonNode s : report.path("dkim").path("selectors"))
      if (s.path("selector").asText().equals(name)) return s;
    throw new AssertionError("selector " + name + " not in " + report.path("dkim"));
  }

  @Test
  void auditOfTheGoodKeys() {
    JsonNode r = audit("good.test", "rsa2048", "ed25519");
    JsonNode rsa = selector(r, "rsa2048");
    assertThat(rsa.path("found").asBoolean()).isTrue();
    assertThat(rsa.path("keyType").asText().toLowerCase(Locale.ROOT)).isEqualTo("rsa");
    assertThat(rsa.path("keyBits").asInt()).isEqualTo(2048);
    JsonNode ed = selector(r, "ed25519");
    assertThat(ed.path("found").asBoolean()).isTrue();
    assertThat(ed.path("keyType").asText().toLowerCase(Locale.ROOT)).isEqualTo("ed25519");
    Findings.assertNotFlagged(r, "dkim.key-strength");
  }

  @Test
  void auditFlagsThe1024BitKey() {
    JsonNode r = audit("weak.test", "rsa1024");
    assertThat(selector(r, "rsa1024").path("keyBits").asInt()).isEqualTo(1024);
    assertFlagged(r, "dkim.key-strength");
  }

  @Test
  void auditFlagsThe512BitTestModeKey() {
    JsonNode r = audit("broken.test", "rsa512");
    JsonNode k = selector(r, "rsa512");
    assertThat(k.path("keyBits").asInt()).isEqualTo(512);
    assertThat(k.path("testing").asBoolean()).isTrue();
    assertThat(Findings.statuses(r, "dkim.key-strength")).contains("fail");
    assertFlagged(r, "dkim.testing");
    // Verifiers must refuse it (RFC 8301 §3.2): not "key found" (issue 11 item 12).
    assertThat(Findings.statuses(r, "dkim.selector")).containsOnly("fail");
    assertThat(k.path("unusable").asText()).isEqualTo("RSA key of 512 bits");
  }

  @Test
  void missingSelectorGivenOnTheCommandLineFails() {
    JsonNode r = audit("good.test", "nosuchselector");
    assertThat(selector(r, "nosuchselector").path("found").asBoolean()).isFalse();
    assertThat(Findings.statuses(r, "dkim.selector")).contains("fail");
  }
}
