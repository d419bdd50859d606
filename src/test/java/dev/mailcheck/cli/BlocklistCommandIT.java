package dev.mailcheck.cli;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailcheck blocklist} and the blocklists of {@code mailcheck domain} end to end: an
 * in-process DNS server serving Spamhaus-like zones, the real resolver stack, text, JSON, CSV.
 */
class BlocklistCommandIT {
  @AutoClose TestDnsServer dns;
  @TempDir Path tmp;

  static final String LISTS =
      """
      {"lists": [
        {"name": "zen", "zone": "zen.bl.test", "kind": "ip", "ipv6": true, "impact": "high", "txt": true,
         "delist": "https://bl.test/remove", "terms": "Lab list: refuses public resolvers like Spamhaus.",
         "codes": [
           {"from": "127.0.0.2", "type": "listed", "meaning": "SBL"},
           {"from": "127.0.0.4", "to": "127.0.0.7", "type": "listed", "meaning": "XBL"},
           {"from": "127.0.0.10", "to": "127.0.0.11", "type": "policy", "meaning": "PBL"},
           {"from": "127.255.255.254", "type": "error", "reason": "public-resolver", "meaning": "public resolver"}]},
        {"name": "dbl", "zone": "dbl.bl.test", "kind": "domain", "impact": "high",
         "codes": [{"from": "127.0.1.2", "type": "listed", "meaning": "spam domain"}]}
      ]}
      """;

  @BeforeEach
  void start() {
    dns =
        TestDnsServer.start("zones/example.test.zone")
            .zone(
                "zen.bl.test",
                """
                2.2.0.192     A   127.0.0.2
                2.2.0.192     TXT "Listed in the lab SBL, see https://bl.test/SBL1"
                3.2.0.192     A   127.0.0.11
                4.2.0.192     A   127.255.255.254
                1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2 A 127.0.0.4
                """)
            .zone("dbl.bl.test", "spammy.test A 127.0.1.2\n")
            .servfail("5.2.0.192.zen.bl.test", RecordType.A);
  }

  CliRun run(String... args) {
    return CliRun.withResolver(dns.address(), "2s", args);
  }

  Path lists() throws Exception {
    Path f = tmp.resolve("lists.json");
    Files.writeString(f, LISTS);
    return f;
  }

  @Test
  void listedPolicyErrorAndCleanInOneRun() throws Exception {
    CliRun r =
        run(
            "--json",
            "blocklist",
            "192.0.2.1",
            "192.0.2.2",
            "192.0.2.3",
            "192.0.2.4",
            "192.0.2.5",
            "2001:db8::1",
            "spammy.test",
            "--lists-file",
            lists().toString(),
            "--allow-private");
    JsonNode j = r.json();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(worst(j))
        .containsEntry("blocklist.listed", "fail")
        .containsEntry("blocklist.policy", "warn")
        .containsEntry("blocklist.error", "error");
    String findings = j.path("findings").toString();
    assertThat(findings)
        .contains("Listed in the lab SBL", "public resolver", "Could not ask zen (SERVFAIL)");
    JsonNode targets = j.path("blocklist").path("targets");
    assertThat(targets).hasSize(7);
    assertThat(targets.get(5).path("results").get(0).path("query").asText())
        .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.bl.test");
    assertThat(targets.get(5).path("results").get(0).path("verdict").asText()).isEqualTo("listed");
    assertThat(targets.get(6).path("results").get(0).path("verdict").asText()).isEqualTo("listed");
    assertThat(targets.get(0).path("results").get(0).path("verdict").asText())
        .isEqualTo("not-listed");
    assertThat(dns.count("1.2.0.192.zen.bl.test", RecordType.A)).isEqualTo(1);
  }

  @Test
  void textAndCsv() throws Exception {
    CliRun t =
        run(
            "--no-color",
            "blocklist",
            "192.0.2.2",
            "--list",
            "lab=zen.bl.test",
            "--list",
            "lab-dbl=dbl.bl.test",
            "--list",
            "spamhaus-zen",
            "--allow-private");
    assertThat(t.out())
        .contains("BLOCKLISTS")
        .contains("LISTED  lab  127.0.0.2  listed")
        .contains("Listed on lab (zen.bl.test)");
    CliRun c =
        run(
            "--format",
            "csv",
            "blocklist",
            "192.0.2.2",
            "--lists-file",
            lists().toString(),
            "--allow-private");
    assertThat(c.out().lines().findFirst().orElseThrow())
        .isEqualTo("target,kind,role,note,list,verdict,answers,meanings,reason,error,query");
    assertThat(c.out()).contains("192.0.2.2,ip,given,,zen,listed,127.0.0.2,SBL,");
  }

  @Test
  void cidrIsExpandedAndCapped() throws Exception {
    CliRun r =
        run(
            "--json",
            "blocklist",
            "192.0.2.0/29",
            "--lists-file",
            lists().toString(),
            "--allow-private");
    assertThat(r.json().path("blocklist").path("targets")).hasSize(8);
    CliRun big = run("blocklist", "192.0.0.0/16");
    assertThat(big.exitCode()).isEqualTo(2);
    assertThat(big.err()).contains("holds 2^16 addresses; at most 256");
  }

  @Test
  void privateAddressesAreSkippedWithoutAllowPrivate() {
    CliRun r = run("--json", "blocklist", "127.0.0.1", "10.1.2.3");
    assertThat(r.exitCode()).isZero();
    assertThat(worst(r.json())).containsEntry("blocklist.skipped", "info");
    assertThat(dns.queries()).isEmpty();
  }

  @Test
  void badInputIsExitTwo() throws Exception {
    assertThat(run("blocklist", "--list", "nosuch").exitCode()).isEqualTo(2);
    CliRun unknown = run("blocklist", "192.0.2.1", "--list", "nosuch");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--list nosuch: no such list");
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"lists\": 3}");
    CliRun b = run("blocklist", "192.0.2.1", "--lists-file", bad.toString());
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err().strip()).endsWith("expected an object with a \"lists\" array");
    assertThat(run("blocklist", "999.1.1.1").exitCode()).isEqualTo(2);
  }

  @Test
  void domainLooksUpMxAddressesSendersAndTheDomain() throws Exception {
    CliRun r =
        run(
            "--json",
            "domain",
            "example.test",
            "--no-smtp",
            "--allow-private",
            "--ip",
            "192.0.2.3",
            "--lists-file",
            lists().toString());
    JsonNode j = r.json();
    JsonNode targets = j.path("blocklist").path("targets");
    assertThat(targets.get(0).path("target").asText()).isEqualTo("192.0.2.3");
    assertThat(targets.get(0).path("role").asText()).isEqualTo("sender");
    assertThat(targets.toString()).contains("\"role\":\"mx\"", "\"target\":\"example.test\"");
    assertThat(worst(j)).containsEntry("blocklist.policy", "fail");
    assertThat(j.path("categories").has("blocklist")).isTrue();
    assertThat(j.path("caps").toString()).contains("blocklist");
    CliRun off = run("--json", "domain", "example.test", "--no-smtp", "--no-blocklist");
    assertThat(off.json().has("blocklist")).isFalse();
  }
}
