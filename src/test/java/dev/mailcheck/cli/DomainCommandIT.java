package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.CliRun;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailcheck domain} end to end: in-process DNS and SMTP servers, text and JSON, exit codes.
 */
class DomainCommandIT {
  @AutoClose static TestDnsServer dns;
  @AutoClose static ScriptedSmtpServer smtp;
  static TestPki pki;

  @BeforeAll
  static void start() throws Exception {
    var g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String key =
        "v=DKIM1; k=rsa; p="
            + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    pki = TestPki.create();
    var cert = pki.issue("mx.good.test", List.of("mx.good.test"), 90);
    smtp = ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()));
    // good.test is signed, and its key is the run's trust anchor; the other zones are outside it
    // (insecure): the built-in root anchors cannot be used with a test server.
    var goodKey = dev.mailcheck.dns.testserver.ZoneSigner.newKey("good.test");
    anchor = java.nio.file.Files.createTempFile("anchor", ".zone");
    anchor.toFile().deleteOnExit();
    java.nio.file.Files.writeString(anchor, goodKey.dnskey().toString() + "\n");
    dns =
        TestDnsServer.start()
            .zone(
                "good.test",
                dev.mailcheck.dns.testserver.ZoneSigner.sign(
                    "good.test",
                    "@ MX 10 mx\nmx A 127.0.0.1\n@ TXT \"v=spf1 mx -all\"\n_dmarc TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@good.test\"\n",
                    goodKey))
            .txt("sel._domainkey.good.test", key.substring(0, 200), key.substring(200))
            .zone(
                "weak.test",
                "@ MX 10 mx\nmx A 127.0.0.1\n@ TXT \"v=spf1 mx ?all\"\n_dmarc TXT \"v=DMARC1; p=none\"\n")
            .zone("bare.test", "@ A 127.0.0.1\n")
            .zone("0.0.127.in-addr.arpa", "1 PTR mx.good.test.\n");
  }

  static java.nio.file.Path anchor;

  /** {@code domain} runs get the test trust anchor. */
  static CliRun run(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (all.contains("domain")) all.addAll(List.of("--trust-anchor", anchor.toString()));
    return CliRun.withResolver(dns.address(), "3s", all.toArray(String[]::new));
  }

  @Test
  void goodDomainJsonScoresAtLeastNinety() {
    CliRun r =
        run(
            "--json",
            "domain",
            "good.test",
            "--selector",
            "sel",
            "--allow-private",
            // the public lists' zones are REFUSED by the test server (blocklist.error, exit 1);
            // blocklists in the domain report are tested in BlocklistCommandIT
            "--no-blocklist",
            "--smtp-port",
            String.valueOf(smtp.port()));
    JsonNode j = r.json();
    assertThat(r.err()).isEmpty();
    assertThat(j.path("score").asInt())
        .as(j.path("deductions").toString())
        .isGreaterThanOrEqualTo(90);
    assertThat(j.path("grade").asText()).isIn("A", "A+");
    assertThat(r.exitCode()).isZero();
    for (String key : List.of("mx", "ptr", "smtp", "spf", "dkim", "dmarc"))
      assertThat(j.has(key)).as(key).isTrue();
    assertThat(j.path("smtp").path("probes")).hasSize(1);
    assertThat(j.path("categories").path("dmarc").path("score").asInt()).isEqualTo(100);
  }

  /** --ca-file: MX certificates from a private CA validate; without it they are only a warning. */
  @Test
  void caFileMakesPrivateCaCertificatesTrusted(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String port = String.valueOf(smtp.port());
    JsonNode without =
        run("--json", "domain", "good.test", "--allow-private", "--smtp-port", port).json();
    JsonNode with =
        run(
                "--json",
                "domain",
                "good.test",
                "--allow-private",
                "--smtp-port",
                port,
                "--ca-file",
                pki.writeCaPem(dir).toString())
            .json();
    assertThat(status(without, "smtp.certificate")).isEqualTo("warn");
    assertThat(status(with, "smtp.certificate")).isEqualTo("pass");
    assertThat(
            run("domain", "good.test", "--ca-file", dir.resolve("missing.pem").toString())
                .exitCode())
        .isEqualTo(dev.mailcheck.report.ExitCode.USAGE);
  }

  private static String status(JsonNode report, String id) {
    for (JsonNode f : report.path("findings")) {
      if (f.path("id").asText().equals(id)) return f.path("status").asText();
    }
    return "(absent)";
  }

  @Test
  void weakDomainTextExplainsDeductions() {
    CliRun r =
        run("--no-color", "domain", "weak.test", "--no-smtp", "--allow-private", "--no-blocklist");
    assertThat(r.out()).startsWith("mailcheck domain weak.test: grade ");
    assertThat(r.out())
        .contains("SCORE")
        .containsPattern("-\\d+: DMARC: DMARC policy is none")
        .containsPattern("-\\d+: SPF: ");
    assertThat(r.exitCode()).isZero();
    assertThat(
            run(
                    "--fail-on",
                    "warn",
                    "domain",
                    "weak.test",
                    "--no-smtp",
                    "--allow-private",
                    "--no-blocklist")
                .exitCode())
        .isEqualTo(1);
    assertThat(r.out()).doesNotContain("DKIM  100/100");
  }

  @Test
  void noMxAndNoDmarcIsCapped() {
    CliRun r = run("--json", "domain", "bare.test", "--no-smtp", "--allow-private");
    JsonNode j = r.json();
    assertThat(j.path("caps").toString()).contains("no usable DMARC record");
    assertThat(j.path("score").asInt()).isLessThanOrEqualTo(89);
  }

  @Test
  void badInput() {
    assertThat(run("domain", "not a domain").exitCode()).isEqualTo(2);
    assertThat(run("domain", "good.test", "--selector", "bad selector!").exitCode()).isEqualTo(2);
    CliRun unreachable =
        CliRun.of(
            "--resolver", "127.0.0.1:9", "--timeout", "200ms", "domain", "good.test", "--no-smtp");
    assertThat(unreachable.exitCode()).isEqualTo(3);
    assertThat(unreachable.out()).contains("(dns.unreachable)"); // issue 11 item 3
  }
}
