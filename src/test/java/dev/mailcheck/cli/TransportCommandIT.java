package dev.mailcheck.cli;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.checks.bimi.MarkCertificates;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.https.TestHttpsServer;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mta-sts and bimi end to end: in-process DNS and HTTPS servers, the real resolver stack. */
class TransportCommandIT {
  static final String D = "example.test";
  @AutoClose TestDnsServer dns;
  @TempDir Path tmp;
  TestPki pki;
  Path ca;

  @BeforeEach
  void start() throws Exception {
    pki = TestPki.create();
    ca = pki.writeCaPem(tmp);
    dns =
        TestDnsServer.start()
            .mx(D, 10, "mx1." + D)
            .a("mx1." + D, "127.0.0.1")
            .a("mta-sts." + D, "127.0.0.1")
            .a("bimi." + D, "127.0.0.1")
            .txt("_mta-sts." + D, "v=STSv1; id=20240101")
            .txt("_dmarc." + D, "v=DMARC1; p=reject")
            .txt(
                "default._bimi." + D,
                "v=BIMI1; l=https://bimi.example.test/logo.svg; a=https://bimi.example.test/vmc.pem");
  }

  CliRun run(int httpsPort, String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--ca-file";
    all[args.length + 1] = ca.toString();
    all[args.length + 2] = "--allow-private";
    all[args.length + 3] = "--https-port";
    all[args.length + 4] = Integer.toString(httpsPort);
    all[args.length + 5] = D;
    return CliRun.withResolver(dns.address(), "2s", all);
  }

  @Test
  void mtaStsJsonNamesTheMissedMxAndTheMissingTlsRpt() throws Exception {
    var cert = pki.issue("mta-sts." + D, List.of("mta-sts." + D), 30);
    byte[] policy =
        "version: STSv1\nmode: testing\nmx: mx9.example.test\nmax_age: 86400\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (var web = TestHttpsServer.serving(cert.serverContext(), "text/plain", policy)) {
      CliRun r = run(web.port(), "--json", "mta-sts", "--no-smtp");
      JsonNode j = r.json();
      assertThat(r.err()).isEmpty();
      assertThat(worst(j))
          .containsEntry("mta-sts.record", "pass")
          .containsEntry("mta-sts.policy", "pass")
          .containsEntry("mta-sts.mode", "warn")
          .containsEntry("mta-sts.mx-coverage", "warn")
          .containsEntry("mta-sts.certificates", "info")
          .containsEntry("tls-rpt.record", "warn");
      assertThat(j.path("mtaSts").path("policy").path("mode").asText()).isEqualTo("testing");
      assertThat(j.path("mtaSts").path("mx").get(0).path("pattern").asText()).isEmpty();
      assertThat(j.path("tlsRpt").path("outcome").asText()).isEqualTo("NXDOMAIN");
      assertThat(r.exitCode()).isZero();
    }
  }

  @Test
  void mtaStsOnLoopbackWithoutAllowPrivateSaysWhy() throws Exception {
    var cert = pki.issue("mta-sts." + D, List.of("mta-sts." + D), 30);
    try (var web = TestHttpsServer.serving(cert.serverContext(), "text/plain", new byte[] {'x'})) {
      CliRun r =
          CliRun.withResolver(
              dns.address(),
              "2s",
              "mta-sts",
              "--no-smtp",
              "--https-port",
              Integer.toString(web.port()),
              D);
      assertThat(r.out()).contains("--allow-private").contains("loopback");
      assertThat(web.connections()).isZero();
      assertThat(r.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void bimiWithAMatchingMarkCertificatePasses() throws Exception {
    var cert = pki.issue("bimi." + D, List.of("bimi." + D), 30);
    byte[] logo = MarkCertificates.logo();
    byte[] vmc =
        MarkCertificates.pem(
                List.of(D),
                logo,
                Instant.now().minusSeconds(86400),
                Instant.now().plusSeconds(86400 * 300))
            .getBytes(StandardCharsets.US_ASCII);
    try (var web =
        TestHttpsServer.start(
            cert.serverContext(),
            (head, out) -> {
              if (head.startsWith("GET /logo.svg "))
                TestHttpsServer.respond(out, 200, "OK", "image/svg+xml", logo);
              else
                TestHttpsServer.respond(out, 200, "OK", "application/pem-certificate-chain", vmc);
            })) {
      CliRun r = run(web.port(), "--json", "bimi");
      JsonNode j = r.json();
      assertThat(worst(j))
          .containsEntry("bimi.record", "pass")
          .containsEntry("bimi.dmarc", "pass")
          .containsEntry("bimi.logo", "pass")
          .containsEntry("bimi.certificate", "pass");
      assertThat(j.path("bimi").path("evidence").path("matchesLogo").asBoolean()).isTrue();
      assertThat(j.path("bimi").path("logo").path("title").asText()).isEqualTo("Example Brand");
      assertThat(r.exitCode()).isZero();
      CliRun text = run(web.port(), "bimi");
      assertThat(text.out()).contains("BIMI").contains("(matches the logo)");
    }
  }

  @Test
  void bimiWithAnotherLogoInTheCertificateAndNoEnforcementFails() throws Exception {
    dns.txt("_dmarc.other.test", "v=DMARC1; p=none")
        .a("bimi.other.test", "127.0.0.1")
        .txt(
            "default._bimi.other.test",
            "v=BIMI1; l=https://bimi.other.test/logo.svg; a=https://bimi.other.test/vmc.pem");
    var cert = pki.issue("bimi.other.test", List.of("bimi.other.test"), 30);
    byte[] vmc =
        MarkCertificates.pem(
                List.of("other.test"),
                "<svg/>".getBytes(StandardCharsets.UTF_8),
                Instant.now().minusSeconds(86400),
                Instant.now().plusSeconds(86400))
            .getBytes(StandardCharsets.US_ASCII);
    try (var web =
        TestHttpsServer.start(
            cert.serverContext(),
            (head, out) -> {
              if (head.startsWith("GET /logo.svg "))
                TestHttpsServer.respond(out, 200, "OK", "image/svg+xml", MarkCertificates.logo());
              else TestHttpsServer.respond(out, 200, "OK", "text/plain", vmc);
            })) {
      String[] args = {
        "--json",
        "bimi",
        "--ca-file",
        ca.toString(),
        "--allow-private",
        "--https-port",
        Integer.toString(web.port()),
        "other.test"
      };
      CliRun r = CliRun.withResolver(dns.address(), "2s", args);
      assertThat(worst(r.json()))
          .containsEntry("bimi.dmarc", "fail")
          .containsEntry("bimi.certificate", "fail");
      assertThat(r.out()).contains("does not match the logo");
      assertThat(r.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void badSelectorIsAUsageError() {
    CliRun r = CliRun.withResolver(dns.address(), "2s", "bimi", "--selector", "a b", D);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains("--selector");
  }

  @Test
  void theDomainReportHasTheTransportSections() throws Exception {
    Files.writeString(tmp.resolve("x"), "");
    CliRun r = CliRun.withResolver(dns.address(), "2s", "--json", "domain", "--no-smtp", D);
    JsonNode j = r.json();
    assertThat(j.has("mtaSts")).isTrue();
    assertThat(j.has("tlsRpt")).isTrue();
    assertThat(j.has("caa")).isTrue();
    assertThat(j.has("bimi")).isTrue();
    assertThat(j.path("categories").has("transport")).isTrue();
  }
}
