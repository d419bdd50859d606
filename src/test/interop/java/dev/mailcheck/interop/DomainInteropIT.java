package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertClean;
import static dev.mailcheck.interop.Findings.assertFlagged;
import static dev.mailcheck.interop.Findings.assertPresent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mailcheck domain} on every interop zone, through Knot and real Postfix (the MX hosts are
 * the 127.25.0.x listeners, hence --allow-private), asserted finding by finding.
 */
class DomainInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static JsonNode domain(String domain, String... selectors) {
    // The lab's blocklists (zones/*.bl.test.zone), not the public ones: Knot refuses those.
    // --ca-file: the lab CA is the trust root of the MX certificates and of nginx (MTA-STS, BIMI).
    List<String> args =
        new ArrayList<>(
            List.of(
                "domain",
                domain,
                "--allow-private",
                "--ca-file",
                env.get("tls.ca"),
                "--json",
                "--lists-file",
                env.get("blocklists")));
    for (String s : selectors) args.addAll(List.of("--selector", s));
    CliRun run = env.mailcheck(args.toArray(String[]::new));
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    return run.json();
  }

  /**
   * Every zone's report finding by finding: the worst status of each id (a check run on several MX
   * addresses counts its worst). Every id the report flags (warn/fail/error) must be listed here,
   * so a new problem shows up as a test failure, not silently. Recorded from main b5cccb1 (with
   * --ca-file and the transport ids since issue 12) and checked against what each zone was written
   * to be; if a status changes on purpose, update the table (the failure message prints the whole
   * actual table).
   */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put(
        "good.test --selector rsa2048 --selector ed25519",
        "dkim.key-strength=pass dkim.selector=pass dmarc.policy=pass dmarc.present=pass dmarc.rua-authorized=pass"
            + " dmarc.subdomain-policy=pass dmarc.syntax=pass mx.present=pass mx.resolvable=pass ptr.fcrdns=pass"
            + " ptr.present=pass smtp.certificate=pass smtp.certificate-name=pass smtp.connect=pass smtp.starttls=pass"
            + " smtp.tls-legacy=pass spf.all=pass spf.lookups=pass spf.present=pass spf.syntax=pass"
            + " spf.void-lookups=pass blocklist.listed=pass mta-sts.record=pass mta-sts.policy=pass mta-sts.mode=pass"
            + " mta-sts.max-age=pass mta-sts.mx-coverage=pass mta-sts.certificates=pass tls-rpt.record=pass"
            + " bimi.record=pass bimi.dmarc=pass bimi.logo=pass bimi.certificate=info caa.mx=info");
    EXPECTED.put(
        "weak.test --selector rsa1024",
        "dkim.key-strength=warn dkim.selector=pass dmarc.policy=warn dmarc.present=pass dmarc.syntax=pass"
            + " mx.present=pass mx.resolvable=pass ptr.present=fail smtp.connect=pass smtp.plaintext-auth=fail"
            + " smtp.starttls=warn spf.all=fail spf.lookups=pass spf.present=pass"
            + " blocklist.listed=fail blocklist.error=error mta-sts.record=warn tls-rpt.record=info");
    EXPECTED.put(
        "broken.test --selector rsa512",
        "dkim.key-strength=fail dkim.selector=fail dkim.testing=warn dmarc.present=fail dmarc.syntax=fail mx.cname=warn mx.present=pass"
            + " mx.resolvable=fail ptr.fcrdns=fail ptr.present=pass smtp.certificate=warn smtp.certificate-expiry=warn"
            + " smtp.certificate-name=warn smtp.starttls=pass smtp.tls-legacy=warn spf.multiple=fail spf.present=pass"
            + " blocklist.listed=fail blocklist.policy=warn mta-sts.record=warn");
    EXPECTED.put(
        "nullmx.test",
        "mx.null=info spf.all=pass dmarc.policy=pass dmarc.present=pass mta-sts.record=warn");
    EXPECTED.put(
        "nomx.test",
        "mx.implicit=warn mx.present=pass ptr.fcrdns=pass smtp.certificate=pass smtp.certificate-name=warn"
            + " smtp.starttls=pass spf.all=pass dmarc.policy=pass mta-sts.record=warn");
    // ruaext.test and spflimit.test use a signed MX with matching TLSA records: DANE protects
    // every MX, so the missing MTA-STS record is information (docs/scoring.md)
    EXPECTED.put(
        "ruaext.test",
        "dmarc.policy=pass dmarc.rua-authorized=fail mx.present=pass smtp.certificate=pass smtp.starttls=pass"
            + " spf.all=pass dane.match=pass mta-sts.record=info");
    EXPECTED.put(
        "spflimit.test",
        "dmarc.present=fail mx.present=pass smtp.certificate=pass smtp.starttls=pass spf.lookups=fail"
            + " spf.present=pass dane.match=pass mta-sts.record=info");
  }

  static Stream<String> zones() {
    return EXPECTED.keySet().stream();
  }

  static Map<String, String> worst(JsonNode report) {
    List<String> order = List.of("pass", "info", "warn", "fail", "error");
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : report.path("findings")) {
      String id = f.path("id").asText();
      String st = f.path("status").asText();
      out.merge(id, st, (a, b) -> order.indexOf(a) >= order.indexOf(b) ? a : b);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zones")
  void everyZoneFindingByFinding(String zone) {
    String[] words = zone.split(" ");
    List<String> selectors = new ArrayList<>();
    for (int i = 1; i + 1 < words.length; i += 2) selectors.add(words[i + 1]);
    JsonNode r = domain(words[0], selectors.toArray(String[]::new));
    Map<String, String> actual = worst(r);
    Map<String, String> expected = new TreeMap<>();
    for (String pair : EXPECTED.get(zone).split(" "))
      expected.put(pair.split("=")[0], pair.split("=")[1]);
    StringBuilder table = new StringBuilder();
    actual.forEach((k, v) -> table.append(k).append('=').append(v).append(' '));
    Map<String, String> compared = new TreeMap<>();
    expected.keySet().forEach(id -> compared.put(id, actual.getOrDefault(id, "(absent)")));
    assertThat(compared).as("%s; actual: %s", zone, table).isEqualTo(expected);
    actual.forEach(
        (id, st) -> {
          if (st.equals("warn") || st.equals("fail") || st.equals("error")) {
            assertThat(expected)
                .as("%s flags %s=%s, not in the table; actual: %s", zone, id, st, table)
                .containsKey(id);
          }
        });
  }

  @Test
  void wellConfiguredDomainScoresAtLeast90() {
    JsonNode r = domain("good.test", "rsa2048", "ed25519");
    assertThat(r.path("score").asInt())
        .as("score; findings %s", Findings.ids(r))
        .isGreaterThanOrEqualTo(90);
    assertThat(r.path("grade").asText()).startsWith("A");
    for (String id :
        List.of(
            "mx.present",
            "ptr.present",
            "ptr.fcrdns",
            "spf.all",
            "dmarc.present",
            "dmarc.policy",
            "dmarc.rua-authorized",
            "smtp.starttls")) {
      assertClean(r, id);
    }
    // Both MX hosts were probed on port 25 by real Postfix.
    assertThat(r.toString()).contains("127.25.0.10", "127.25.0.11");
  }

  @Test
  void weakDomain() {
    JsonNode r = domain("weak.test", "rsa1024");
    for (String id :
        List.of(
            "spf.all",
            "dmarc.policy",
            "dkim.key-strength",
            "ptr.present",
            "smtp.plaintext-auth",
            "smtp.starttls")) {
      assertFlagged(r, id);
    }
    JsonNode good = domain("good.test", "rsa2048", "ed25519");
    assertThat(r.path("score").asInt()).isLessThan(good.path("score").asInt());
  }

  @Test
  void brokenDomainCannotReachGradeA() {
    JsonNode r = domain("broken.test", "rsa512");
    for (String id :
        List.of(
            "spf.multiple",
            "dmarc.syntax",
            "mx.cname",
            "mx.resolvable",
            "dkim.key-strength",
            "ptr.fcrdns")) {
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
    JsonNode r = domain("ruaext.test");
    assertFlagged(r, "dmarc.rua-authorized");
    // a failing check, however light, rules out A+ (docs/scoring.md, caps)
    assertThat(r.path("grade").asText()).isNotEqualTo("A+");
  }
}
