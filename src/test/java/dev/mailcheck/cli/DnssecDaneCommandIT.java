package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.SignedLab;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailcheck dnssec} and {@code mailcheck dane} in-process: output, JSON, exit codes. */
class DnssecDaneCommandIT {
  static TestDnsServer dns;
  static SignedLab lab;
  @TempDir static Path dir;
  static Path anchor;

  @BeforeAll
  static void start() throws Exception {
    dns = TestDnsServer.start();
    lab = new SignedLab().serve(dns, "");
    anchor = dir.resolve("anchor.zone");
    Files.writeString(anchor, lab.anchorText());
  }

  @AfterAll
  static void stop() {
    dns.close();
  }

  static CliRun run(String... args) {
    return CliRun.withResolver(dns.address(), "2s", args);
  }

  @Test
  void secureDomainPassesAndShowsItsZone() {
    CliRun r = run("dnssec", "good.test", "--trust-anchor", anchor.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("good.test/MX  SECURE  zone good.test", "mx.good.test/A  SECURE");
    JsonNode j = run("--json", "dnssec", "good.test", "--trust-anchor", anchor.toString()).json();
    assertThat(j.path("dnssec").path("names").get(0).path("status").asText()).isEqualTo("secure");
  }

  @Test
  void bogusDomainFailsWithTheReason() {
    CliRun r = run("--json", "dnssec", "expired.test", "--trust-anchor", anchor.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode n = r.json().path("dnssec").path("names").get(0);
    assertThat(n.path("status").asText()).isEqualTo("bogus");
    assertThat(n.path("bogusReason").asText()).isEqualTo("signature-expired");
  }

  @Test
  void insecureDelegationShowsTheProof() {
    CliRun r = run("dnssec", "insecure.test", "--trust-anchor", anchor.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("INSECURE", "proof: insecure.test. ", "NSEC");
  }

  @Test
  void daneWithoutTlsaIsInformationOnly() {
    CliRun r = run("--json", "dane", "good.test", "--trust-anchor", anchor.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.json().path("dane").path("hosts").get(0).path("tlsaName").asText())
        .isEqualTo("_25._tcp.mx.good.test");
  }

  @Test
  void badInputIsExit2() throws Exception {
    Path bad = dir.resolve("bad.zone");
    Files.writeString(bad, "good.test. IN A 127.0.0.1\n");
    assertThat(run("dnssec", "good.test", "--trust-anchor", bad.toString()).err())
        .contains("holds no DS or DNSKEY record");
    assertThat(run("dnssec", "good.test", "--trust-anchor", bad.toString()).exitCode())
        .isEqualTo(2);
    assertThat(
            run("dnssec", "good.test", "--trust-anchor", dir.resolve("none").toString()).exitCode())
        .isEqualTo(2);
    assertThat(run("dane", "mx.good.test:2525").exitCode()).isEqualTo(2);
    assertThat(run("dane", "127.0.0.1:25").exitCode()).isEqualTo(2);
  }

  @Test
  void signedAnswersAreRecordedAndReplayed() throws Exception {
    Path file = dir.resolve("signed.json");
    CliRun live =
        run(
            "--json",
            "dnssec",
            "good.test",
            "--trust-anchor",
            anchor.toString(),
            "--dns-record",
            file.toString());
    assertThat(live.exitCode()).as(live.err()).isZero();
    assertThat(Files.readString(file)).contains("\"dnssec\" : true", "\"authority\"", "RRSIG");
    CliRun replay =
        CliRun.of(
            "--json",
            "dnssec",
            "good.test",
            "--trust-anchor",
            anchor.toString(),
            "--dns-replay",
            file.toString());
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.json().path("dnssec").toString())
        .isEqualTo(live.json().path("dnssec").toString());
  }
}
