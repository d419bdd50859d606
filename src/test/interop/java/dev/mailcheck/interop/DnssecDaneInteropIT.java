package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DNSSEC and DANE against the lab: Knot signs the zones itself (automatic signing), the trust
 * anchors are the DNSKEYs run.sh exported, the TLSA records were computed by run.sh from the lab's
 * certificates with openssl, and Postfix presents the chains on 25, 587 and 465.
 */
class DnssecDaneInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static JsonNode json(int expectedExit, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    // the lab's MX names resolve to 127.25.0.x: probing them is allowed explicitly
    if (args[0].equals("dane")) all.add("--allow-private");
    all.add("--json");
    CliRun run = env.mailcheck(all.toArray(String[]::new));
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code: %s %s", run.err(), run.out()).isEqualTo(expectedExit);
    return run.json();
  }

  /**
   * The worst status of each finding id, with its subject: "dane.match mx1.good.test:25" -> pass.
   */
  static Map<String, String> statuses(JsonNode report) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : report.path("findings")) {
      String key = f.path("id").asText() + " " + f.path("subject").asText();
      out.put(key.strip(), f.path("status").asText());
    }
    return out;
  }

  static JsonNode name(JsonNode report, String name) {
    for (JsonNode n : report.path("dnssec").path("names"))
      if (n.path("name").asText().equals(name)) return n;
    throw new AssertionError("no " + name + " in " + report.path("dnssec"));
  }

  @Test
  void signedDomainIsSecureFromTheLabAnchors() {
    JsonNode r = json(0, "dnssec", "good.test");
    assertThat(statuses(r))
        .containsEntry("dnssec.domain good.test", "pass")
        .containsEntry("dnssec.mx mx1.good.test", "pass")
        .containsEntry("dnssec.mx mx2.good.test", "pass");
    assertThat(name(r, "good.test").path("zone").asText()).isEqualTo("good.test");
    assertThat(name(r, "good.test").path("anchor").asText()).isEqualTo("good.test");
  }

  @Test
  void insecureDelegationIsProvenByTheParentsNsec() {
    JsonNode r = json(0, "dnssec", "insecure.good.test");
    JsonNode n = name(r, "insecure.good.test");
    assertThat(n.path("status").asText()).isEqualTo("insecure");
    assertThat(n.path("proof").asText()).startsWith("insecure.good.test. ").contains(" NSEC ");
    assertThat(statuses(r)).containsEntry("dnssec.domain insecure.good.test", "warn");
  }

  @Test
  void expiredSignaturesAreBogus() {
    JsonNode r = json(1, "dnssec", "expired.good.test");
    JsonNode n = name(r, "expired.good.test");
    assertThat(n.path("status").asText()).isEqualTo("bogus");
    assertThat(n.path("bogusReason").asText()).isEqualTo("signature-expired");
    assertThat(n.path("reason").asText()).contains("2020-01-15");
    assertThat(statuses(r)).containsEntry("dnssec.domain expired.good.test", "fail");
  }

  @Test
  void tlsaRecordsMatchWhatPostfixPresents() {
    JsonNode r = json(0, "dane", "good.test");
    assertThat(statuses(r))
        .containsEntry("dane.tlsa-present mx1.good.test:25", "pass")
        .containsEntry("dane.dnssec mx1.good.test:25", "pass")
        .containsEntry("dane.usage mx1.good.test:25", "pass")
        .containsEntry("dane.match mx1.good.test:25", "pass")
        .containsEntry("dane.match mx2.good.test:25", "pass");
    // mx2's record is DANE-TA 2 0 1: the lab CA, which Postfix sends after the leaf.
    JsonNode mx2 = r.path("dane").path("hosts").get(1);
    assertThat(mx2.path("records").get(0).path("usage").asInt()).isEqualTo(2);
    assertThat(mx2.path("records").get(0).path("matchedAt").toString()).contains("127.25.0.11");
  }

  @Test
  void aTlsaRecordThatMatchesNothingFails() {
    JsonNode r = json(1, "dane", "bad-tlsa.good.test");
    assertThat(statuses(r))
        .containsEntry("dane.dnssec mx3.good.test:25", "pass")
        .containsEntry("dane.match mx3.good.test:25", "fail");
  }

  /**
   * RFC 7672 §2.2.2: an MX host that is an alias in a signed zone is asked for TLSA at its expanded
   * name first, and at its own name only when the expanded name securely has none.
   */
  @Test
  void anAliasedMxIsAskedAtItsExpandedNameFirst() {
    JsonNode expanded = json(0, "dane", "cname-mx.good.test");
    assertThat(statuses(expanded)).containsEntry("dane.match alias1.good.test:25", "pass");
    JsonNode alias1 = expanded.path("dane").path("hosts").get(0);
    assertThat(alias1.path("host").asText()).isEqualTo("alias1.good.test");
    assertThat(alias1.path("tlsaName").asText()).isEqualTo("_25._tcp.mx1.good.test");

    JsonNode original = json(0, "dane", "cname-mx2.good.test");
    assertThat(statuses(original)).containsEntry("dane.match alias2.good.test:25", "pass");
    assertThat(original.path("dane").path("hosts").get(0).path("tlsaName").asText())
        .isEqualTo("_25._tcp.alias2.good.test");
  }

  /** RFC 7671 §7: a TLSA name that is a CNAME leads to the records at its target. */
  @Test
  void aTlsaNameThatIsAnAliasIsFollowed() {
    JsonNode r = json(0, "dane", "cname-tlsa.good.test");
    assertThat(statuses(r))
        .containsEntry("dane.dnssec mx5.good.test:25", "pass")
        .containsEntry("dane.match mx5.good.test:25", "pass");
  }

  @Test
  void submissionPortsWithStarttlsAndImplicitTls() {
    assertThat(statuses(json(0, "dane", "mx1.good.test:587")))
        .containsEntry("dane.match mx1.good.test:587", "pass");
    assertThat(statuses(json(0, "dane", "mx1.good.test:465")))
        .containsEntry("dane.match mx1.good.test:465", "pass");
  }

  @Test
  void domainReportCarriesDnssecAndDaneOnItsOwnProbes() {
    // the lab CA (MTA-STS and BIMI over nginx) and the lab blocklists: Knot refuses the public ones
    JsonNode r =
        json(
            0,
            "domain",
            "good.test",
            "--allow-private",
            "--selector",
            "rsa2048",
            "--ca-file",
            env.get("tls.ca"),
            "--lists-file",
            env.get("blocklists"));
    assertThat(statuses(r))
        .containsEntry("dnssec.domain good.test", "pass")
        .containsEntry("dane.match mx1.good.test:25", "pass")
        .containsEntry("dane.match mx2.good.test:25", "pass");
    assertThat(r.path("categories").path("transport").path("score").asInt()).isEqualTo(100);
    // Both MX hosts have no IPv6 in the lab: the info note, never a flag.
    assertThat(statuses(r)).containsEntry("mx.ipv6 mx1.good.test", "info");
  }

  @Test
  void domainReportFlagsTheBogusZone() {
    JsonNode r = json(1, "domain", "expired.good.test", "--allow-private", "--no-smtp");
    assertThat(statuses(r)).containsEntry("dnssec.domain expired.good.test", "fail");
  }
}
