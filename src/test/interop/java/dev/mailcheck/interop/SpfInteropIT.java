package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertClean;
import static dev.mailcheck.interop.Findings.assertFlagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPF on the interop zones. pyspf (python3-spf, Debian) is the oracle: run.sh asked it for every
 * case of src/test/interop/spf-cases.tsv through Knot and wrote spf-oracle.tsv. First the oracle is
 * checked against what the zones were written to produce; then mailcheck must give pyspf's result.
 */
class SpfInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  /** One oracle row: sender ip helo expected pyspf explanation. */
  record Case(String sender, String ip, String helo, String expected, String pyspf) {
    String domain() {
      return sender.substring(sender.indexOf('@') + 1);
    }

    @Override
    public String toString() {
      return sender + " from " + ip + " -> " + pyspf;
    }
  }

  static Stream<Case> cases() {
    return Tsv.read(InteropEnv.load().path("spf.oracle")).stream()
        .map(r -> new Case(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
  }

  @Test
  void theOracleAnsweredEveryCase() {
    Path cases =
        dev.mailcheck.testing.ProjectPaths.basedir().resolve("src/test/interop/spf-cases.tsv");
    assertThat(cases().count()).isEqualTo(Tsv.read(cases).size()).isGreaterThanOrEqualTo(25);
    // Every RFC 7208 result the zones can produce is covered.
    assertThat(cases().map(Case::pyspf).distinct())
        .contains("pass", "fail", "softfail", "neutral", "none", "permerror");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pyspfGivesWhatTheZoneWasWrittenFor(Case c) {
    assertThat(c.pyspf()).as(c.toString()).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mailcheckAgreesWithPyspf(Case c) {
    CliRun run =
        env.mailcheck(
            "spf",
            c.domain(),
            "--ip",
            c.ip(),
            "--sender",
            c.sender(),
            "--helo",
            c.helo(),
            "--json");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    JsonNode r = run.json();
    assertThat(r.path("spf").path("result").asText()).as(c.toString()).isEqualTo(c.pyspf());
  }

  static JsonNode audit(String domain) {
    CliRun run = env.mailcheck("spf", domain, "--json");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    return run.json();
  }

  @Test
  void auditOfTheGoodDomain() {
    JsonNode r = audit("good.test");
    assertThat(r.path("spf").path("record").asText())
        .isEqualTo("v=spf1 mx include:_spf.good.test -all");
    assertClean(r, "spf.all");
    assertClean(r, "spf.lookups");
  }

  @Test
  void auditOfTheWeakDomainFlagsPlusAll() {
    assertFlagged(audit("weak.test"), "spf.all");
  }

  @Test
  void auditOfTheBrokenDomainFlagsTwoRecords() {
    assertFlagged(audit("broken.test"), "spf.multiple");
  }

  @Test
  void auditCountsMoreThanTenLookups() {
    JsonNode r = audit("spflimit.test");
    assertThat(r.path("spf").path("lookups").asInt()).isGreaterThan(10);
    assertFlagged(r, "spf.lookups");
  }

  @Test
  void auditFlagsVoidLookups() {
    JsonNode r = audit("void.spflimit.test");
    assertThat(r.path("spf").path("voidLookups").asInt()).isGreaterThan(2);
    assertFlagged(r, "spf.void-lookups");
  }

  @Test
  void auditFlagsTheIncludeWithoutRecord() {
    assertFlagged(audit("incmissing.spflimit.test"), "spf.include-missing");
  }

  @Test
  void auditFlagsTheRedirectLoop() {
    JsonNode r = audit("loop.spflimit.test");
    // The issue names spf.redirect for "redirect loop or missing target"; a dedicated id is fine
    // too.
    var statuses = new java.util.ArrayList<>(Findings.statuses(r, "spf.redirect"));
    statuses.addAll(Findings.statuses(r, "spf.loop"));
    assertThat(statuses).as("spf.redirect / spf.loop in %s", Findings.ids(r)).contains("fail");
  }
}
