package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertClean;
import static dev.mailcheck.interop.Findings.assertFlagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mailcheck dmarc} on the interop zones, through Knot. */
class DmarcInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static JsonNode dmarc(String domain) {
    CliRun run = env.mailcheck("dmarc", domain, "--json");
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    return run.json();
  }

  @Test
  void goodDomainRejectsAndItsExternalReportAddressIsAuthorized() {
    JsonNode r = dmarc("good.test");
    JsonNode rec = r.path("dmarc").path("record");
    assertThat(rec.path("p").asText()).isEqualTo("reject");
    assertThat(rec.path("valid").asBoolean()).isTrue();
    assertThat(rec.path("rua").toString()).contains("mailto:dmarc@reports.test");
    assertClean(r, "dmarc.present");
    assertClean(r, "dmarc.policy");
    assertClean(r, "dmarc.rua-authorized");
  }

  @Test
  void weakDomainOnlyMonitors() {
    JsonNode r = dmarc("weak.test");
    assertThat(r.path("dmarc").path("record").path("p").asText()).isEqualTo("none");
    assertFlagged(r, "dmarc.policy");
  }

  @Test
  void brokenRecordHasSyntaxErrors() {
    assertFlagged(dmarc("broken.test"), "dmarc.syntax");
  }

  @Test
  void reportAddressAtAnotherDomainThatDidNotAuthorizeIt() {
    assertFlagged(dmarc("ruaext.test"), "dmarc.rua-authorized");
  }

  @Test
  void domainWithoutRecord() {
    JsonNode r = dmarc("spflimit.test");
    assertThat(r.path("dmarc").path("record").isNull()).isTrue();
    assertFlagged(r, "dmarc.present");
  }
}
