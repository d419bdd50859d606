package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailcheck smtp NAME}: the name resolved through --resolver (the in-process DNS server).
 */
class SmtpCommandIT {
  @AutoClose static TestDnsServer dns;
  static TestPki pki;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    dns =
        TestDnsServer.start()
            .a("mail.smtp.test", "127.0.0.1")
            .aaaa("mail.smtp.test", "::1")
            .a("other.smtp.test", "127.0.0.1");
    pki = TestPki.create();
  }

  static CliRun run(String... args) {
    return CliRun.withResolver(dns.address(), "2s", args);
  }

  @Test
  void aNameThatResolvesToLoopbackIsNotContactedWithoutAllowPrivate() throws Exception {
    // issue 11 #1: a DNS answer alone must not steer the probe to internal hosts
    var cert = pki.issue("mail.smtp.test", List.of("mail.smtp.test"), 60);
    try (var server = ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()))) {
      CliRun r = run("smtp", "mail.smtp.test:" + server.port(), "--json");
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.COULD_NOT_RUN);
      JsonNode j = r.json();
      assertThat(j.get("incomplete").asBoolean()).isTrue();
      JsonNode f = j.get("findings").get(0);
      assertThat(f.get("id").asText()).isEqualTo("smtp.connect");
      assertThat(f.get("title").asText()).contains("resolves only to non-public addresses");
      assertThat(f.get("remedy").asText()).contains("--allow-private");
      assertThat(server.connections()).isZero();
      // an IP literal was chosen by the user: always contacted
      CliRun literal = run("smtp", "127.0.0.1:" + server.port(), "--json");
      assertThat(literal.json().get("smtp").get("address").asText()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void nameIsResolvedAndMatchedAgainstTheCertificate() throws Exception {
    var cert = pki.issue("mail.smtp.test", List.of("mail.smtp.test"), 60);
    Path ca = pki.writeCaPem(dir);
    try (var server = ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()))) {
      CliRun ok =
          run(
              "smtp",
              "mail.smtp.test:" + server.port(),
              "--ca-file",
              ca.toString(),
              "--allow-private",
              "--json",
              "-v");
      assertThat(ok.exitCode()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
      JsonNode json = ok.json();
      JsonNode smtp = json.get("smtp");
      assertThat(smtp.get("address").asText()).isEqualTo("127.0.0.1");
      assertThat(smtp.get("phases").get(0).get("name").asText()).isEqualTo("dns");
      assertThat(smtp.get("tls").get("nameMatches").asBoolean()).isTrue();
      assertThat(json.get("dns").findValuesAsText("name")).contains("mail.smtp.test");

      CliRun other =
          run(
              "smtp",
              "other.smtp.test:" + server.port(),
              "--ca-file",
              ca.toString(),
              "--allow-private",
              "--json");
      // MX-style port: opportunistic TLS, the mismatch is a warning and the session goes on
      assertThat(other.exitCode()).as(other.out()).isEqualTo(ExitCode.OK);
      JsonNode o = other.json();
      assertThat(o.get("smtp").get("tls").get("nameMatches").asBoolean()).isFalse();
      assertThat(o.get("smtp").has("failure")).isFalse();
      assertThat(o.get("smtp").get("startTls").asText()).isEqualTo("ok");
      var statuses = new java.util.HashMap<String, String>();
      o.get("findings").forEach(f -> statuses.put(f.get("id").asText(), f.get("status").asText()));
      assertThat(statuses)
          .containsEntry("smtp.starttls", "pass")
          .containsEntry("smtp.certificate-name", "warn")
          .containsEntry("smtp.certificate", "pass");
      assertThat(o.toString()).doesNotContainIgnoringCase("handshake failed");
    }
  }

  @Test
  void unknownNameCannotRun() {
    CliRun r = run("smtp", "missing.smtp.test", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
    JsonNode json = r.json();
    assertThat(json.get("incomplete").asBoolean()).isTrue();
    assertThat(json.get("smtp").get("failure").get("kind").asText()).isEqualTo("dns");
    assertThat(json.get("findings").get(0).get("status").asText()).isEqualTo("error");
  }
}
