package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertClean;
import static dev.mailcheck.interop.Findings.assertFlagged;
import static dev.mailcheck.interop.Findings.assertPresent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailcheck domain} on every interop zone, through Knot and real Postfix (the MX hosts are the
 * 127.25.0.x listeners, hence --allow-private), asserted finding by finding.
 */
class DomainInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static JsonNode domain(String domain, String... selectors) {
    List<String> args = new ArrayList<>(List.of("domain", domain, "--allow-private", "--json"));
    for (String s : selectors) args.addAll(List.of("--selector", s));
    CliRun run = env.mailcheck(args.toArray(String[]::new));
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    return run.json();
  }

  @Test
  void wellConfiguredDomainScoresAtLeast90() {
    JsonNode r = domain("good.test", "rsa2048", "ed25519");
    assertThat(r.path("score").asInt()).as("score; findings %s", Findings.ids(r)).isGreaterThanOrEqualTo(90);
    assertThat(r.path("grade").asText()).startsWith("A");
    for (String id : List.of("mx.present", "ptr.present", "ptr.fcrdns", "spf.all", "dmarc.present", "dmarc.policy", "dmarc.rua-authorized", "smtp.starttls")) {
      assertClean(r, id);
    }
    // Both MX hosts were probed on port 25 by real Postfix.
    assertThat(r.toString()).contains("127.25.0.10", "127.25.0.11");
  }

  @Test
  void weakDomain() {
    JsonNode r = domain("weak.test", "rsa1024");
    for (String id : List.of("spf.all", "dmarc.policy", "dkim.key-strength", "ptr.present", "smtp.plaintext-auth", "smtp.starttls")) {
      assertFlagged(r, id);
    }
    JsonNode good = domain("good.test", "rsa2048", "ed25519");
    assertThat(r.path("score").asInt()).isLessThan(good.path("score").asInt());
  }

  @Test
  void brokenDomainCannotReachGradeA() {
    JsonNode r = domain("broken.test", "rsa512");
    for (String id : List.of("spf.multiple", "dmarc.syntax", "mx.cname", "mx.resolvable", "dkim.key-strength", "ptr.fcrdns")) {
      assertFlagged(r, id);
    }
    assertThat(r.path("grade").asText()).doesNotStartWith("A");
  }

  @Test
  void lookupLimitBreaker() {
    assertFlagged(domain("spflimit.test"), "spf.lookups");
  }

  @Test
  void nullMxDomain() {
    JsonNode r = domain("nullmx.test");
    assertPresent(r, "mx.null");
    assertClean(r, "spf.all");
  }

  @Test
  void implicitMxDomain() {
    assertFlagged(domain("nomx.test"), "mx.implicit");
  }

  @Test
  void unauthorizedExternalReportAddress() {
    assertFlagged(domain("ruaext.test"), "dmarc.rua-authorized");
  }
}
