package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import dev.mailcheck.testing.FindingStatuses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailcheck mta-sts}, {@code bimi} and the transport category of {@code domain} against
 * Knot, real Postfix on port 25 and nginx serving the policies and the logo over HTTPS (certificate
 * from the lab CA, hence --ca-file; loopback addresses, hence --allow-private).
 */
class TransportInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static JsonNode run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--allow-private", "--ca-file", env.get("tls.ca"), "--json"));
    CliRun r = env.mailcheck(all.toArray(String[]::new));
    assertThat(r.err()).as("stderr of %s", all).doesNotContain("Exception");
    assertThat(r.exitCode()).as("exit code of %s: %s", all, r.err()).isBetween(0, 1);
    return r.json();
  }

  static Map<String, String> worst(JsonNode j) {
    return FindingStatuses.worst(j);
  }

  @Test
  void goodTestPassesEveryMtaStsCheckAgainstNginxAndPostfix() {
    JsonNode j = run("mta-sts", "good.test");
    assertThat(worst(j))
        .containsEntry("mta-sts.record", "pass")
        .containsEntry("mta-sts.policy", "pass")
        .containsEntry("mta-sts.mode", "pass")
        .containsEntry("mta-sts.max-age", "pass")
        .containsEntry("mta-sts.mx-coverage", "pass")
        .containsEntry("mta-sts.certificates", "pass")
        .containsEntry("tls-rpt.record", "pass");
    JsonNode sts = j.path("mtaSts");
    assertThat(sts.path("fetch").path("status").asInt()).isEqualTo(200);
    assertThat(sts.path("fetch").path("address").asText()).isEqualTo(env.get("web"));
    assertThat(sts.path("fetch").path("contentType").asText()).startsWith("text/plain");
    assertThat(sts.path("policy").path("lineEnding").asText()).isEqualTo("CRLF");
    assertThat(sts.path("mx")).hasSize(2);
    sts.path("mx").forEach(m -> assertThat(m.path("certificate").asText()).isEqualTo("valid"));
  }

  @Test
  void aPolicyThatMissesAnMxFailsCoverage() {
    JsonNode j = run("mta-sts", "stsmiss.test");
    assertThat(worst(j))
        .containsEntry("mta-sts.policy", "pass")
        .containsEntry("mta-sts.mode", "pass")
        .containsEntry("mta-sts.mx-coverage", "fail")
        .containsEntry("mta-sts.certificates", "pass");
    assertThat(j.toString()).contains("\\\"mx: mx2.good.test\\\"");
  }

  @Test
  void testingModeWarnsAndExplainsTheBrokenCertificate() {
    JsonNode j = run("mta-sts", "ststesting.test");
    assertThat(worst(j))
        .containsEntry("mta-sts.mode", "warn")
        .containsEntry("mta-sts.mx-coverage", "pass")
        .containsEntry("mta-sts.certificates", "info")
        .containsEntry("mta-sts.max-age", "info")
        .containsEntry("tls-rpt.record", "warn");
    assertThat(j.path("mtaSts").path("mx").get(0).path("certificate").asText())
        .isIn("untrusted", "name-mismatch");
  }

  @Test
  void withoutTheLabCaThePolicyCertificateIsRefused() {
    CliRun r = env.mailcheck("mta-sts", "good.test", "--allow-private", "--no-smtp", "--json");
    JsonNode j = r.json();
    assertThat(worst(j)).containsEntry("mta-sts.policy", "fail");
    assertThat(j.path("mtaSts").path("fetch").path("outcome").asText())
        .isEqualTo("certificate-untrusted");
  }

  @Test
  void withoutAllowPrivateTheLoopbackPolicyHostIsNotContacted() {
    CliRun r =
        env.mailcheck(
            "mta-sts", "good.test", "--no-smtp", "--ca-file", env.get("tls.ca"), "--json");
    JsonNode j = r.json();
    assertThat(worst(j)).containsEntry("mta-sts.policy", "error");
    assertThat(j.path("mtaSts").path("fetch").path("outcome").asText())
        .isEqualTo("address-refused");
    assertThat(j.toString()).contains("--allow-private");
  }

  @Test
  void bimiLogoFromNginxIsTinyPs() {
    JsonNode j = run("bimi", "good.test");
    assertThat(worst(j))
        .containsEntry("bimi.record", "pass")
        .containsEntry("bimi.dmarc", "pass")
        .containsEntry("bimi.logo", "pass")
        .containsEntry("bimi.certificate", "info");
    assertThat(j.path("bimi").path("logo").path("title").asText()).isEqualTo("good.test");
    assertThat(j.path("bimi").path("logoFetch").path("contentType").asText())
        .isEqualTo("image/svg+xml");
  }

  @Test
  void theDomainReportScoresTransportFromItsOwnProbes() {
    JsonNode j = run("domain", "good.test", "--selector", "rsa2048");
    assertThat(worst(j))
        .containsEntry("mta-sts.certificates", "pass")
        .containsEntry("mta-sts.mx-coverage", "pass")
        .containsEntry("caa.mx", "info");
    assertThat(j.path("categories").path("transport").path("score").asInt()).isEqualTo(100);
    assertThat(j.path("caa").path("hosts").get(0).path("foundAt").asText()).isEqualTo("good.test");
    JsonNode miss = run("domain", "stsmiss.test");
    assertThat(worst(miss)).containsEntry("mta-sts.mx-coverage", "fail");
    assertThat(miss.path("categories").path("transport").path("score").asInt()).isLessThan(100);
  }
}
