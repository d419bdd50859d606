package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mailcheck smtp} and {@code mailcheck ports} in-process: exit codes, stdout, stderr, JSON.
 */
class SmtpCommandTest {
  static TestPki pki;
  static TestPki.Issued cert;
  @TempDir static Path dir;
  static Path caFile;

  @BeforeAll
  static void setUp() throws Exception {
    pki = TestPki.create();
    cert = pki.issue("localhost", List.of("localhost", "127.0.0.1"), 90);
    caFile = pki.writeCaPem(dir);
  }

  private static List<String> ids(JsonNode json, String status) {
    var out = new ArrayList<String>();
    json.get("findings")
        .forEach(
            f -> {
              if (status == null || f.get("status").asText().equals(status))
                out.add(f.get("id").asText());
            });
    return out;
  }

  @Test
  void startTlsProbeWithTrustedCaPassesAndValidatesAgainstTheSchema() throws Exception {
    try (var server =
        ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()).auth("PLAIN"))) {
      CliRun run =
          CliRun.of(
              "smtp",
              server.hostPort(),
              "--ca-file",
              caFile.toString(),
              "--json",
              "--timeout",
              "2s");
      assertThat(run.err()).isEmpty();
      assertThat(run.exitCode()).as(run.out()).isZero();
      JsonNode json = run.json();
      assertThat(json.get("command").asText()).isEqualTo("smtp");
      JsonNode smtp = json.get("smtp");
      assertThat(smtp.get("address").asText()).isEqualTo("127.0.0.1");
      assertThat(smtp.get("startTls").asText()).isEqualTo("ok");
      assertThat(smtp.get("tls").get("trusted").asBoolean()).isTrue();
      assertThat(smtp.get("tls").get("nameMatches").asBoolean()).isTrue();
      assertThat(smtp.get("tls").get("certificates")).hasSize(2);
      assertThat(smtp.get("extensionsAfterTls").get("auth").get(0).asText()).isEqualTo("PLAIN");
      assertThat(smtp.get("banner").get("code").asInt()).isEqualTo(220);
      assertThat(ids(json, "pass"))
          .contains(
              "smtp.connect",
              "smtp.banner",
              "smtp.ehlo",
              "smtp.starttls",
              "smtp.tls-version",
              "smtp.certificate",
              "smtp.certificate-name",
              "smtp.certificate-expiry",
              "smtp.plaintext-auth",
              "smtp.size");
      assertThat(json.has("transcript")).isFalse();
    }
  }

  /**
   * Issue 7: a working STARTTLS with an untrusted certificate on an MX-style port is not "STARTTLS
   * broken".
   */
  @Test
  void untrustedCertificateOnMxStylePortIsAWarningAndTheProbeGoesOn() throws Exception {
    var self = TestPki.selfSigned("other.example", List.of("other.example"));
    try (var server =
        ScriptedSmtpServer.start(new StandardSmtp().starttls(self.serverContext()).auth("PLAIN"))) {
      CliRun run =
          CliRun.of(
              "smtp",
              server.hostPort(),
              "--starttls",
              "--json",
              "--timeout",
              "3s",
              "--no-legacy-tls");
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      JsonNode json = run.json();
      assertThat(json.get("smtp").has("failure")).isFalse();
      assertThat(json.get("smtp").get("startTls").asText()).isEqualTo("ok");
      assertThat(json.get("smtp").has("extensionsAfterTls")).isTrue();
      assertThat(ids(json, "pass")).contains("smtp.starttls");
      assertThat(ids(json, "warn")).contains("smtp.certificate", "smtp.certificate-name");
      assertThat(ids(json, "fail")).isEmpty();
      assertThat(run.out()).doesNotContainIgnoringCase("handshake failed");
      CliRun text =
          CliRun.of("smtp", server.hostPort(), "--no-color", "--timeout", "3s", "--no-legacy-tls");
      assertThat(text.out())
          .contains("STARTTLS works")
          .contains("Certificate is not trusted")
          .doesNotContainIgnoringCase("handshake failed")
          .doesNotContain("stopped");
    }
  }

  /**
   * Submission (implicit TLS): the certificate finding fails and says the probe stopped; the
   * handshake is not blamed.
   */
  @Test
  void untrustedCertificateOnSubmissionStopsAsACertificateFailure() throws Exception {
    var self = TestPki.selfSigned("other.example", List.of("other.example"));
    try (var server =
        ScriptedSmtpServer.startImplicitTls(new StandardSmtp(), self.serverContext())) {
      CliRun run =
          CliRun.of(
              "smtp", server.hostPort(), "--tls", "--json", "--timeout", "3s", "--no-legacy-tls");
      assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
      JsonNode json = run.json();
      JsonNode failure = json.get("smtp").get("failure");
      assertThat(failure.get("kind").asText()).isEqualTo("certificate");
      assertThat(failure.get("detail").asText())
          .contains("handshake completed")
          .contains("stopped; --insecure goes on");
      assertThat(ids(json, "pass")).contains("smtp.tls");
      assertThat(ids(json, "fail")).contains("smtp.certificate", "smtp.certificate-name");
      assertThat(run.out())
          .doesNotContainIgnoringCase("handshake failed")
          .contains("stopped; --insecure goes on");
      CliRun insecure =
          CliRun.of(
              "smtp",
              server.hostPort(),
              "--tls",
              "--insecure",
              "--json",
              "--timeout",
              "3s",
              "--no-legacy-tls");
      assertThat(insecure.json().get("smtp").has("failure")).isFalse();
    }
  }

  @Test
  void verboseShowsTheRedactedTranscriptAndNeverThePassword() throws Exception {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, "hunter2-secret\n");
    var script =
        new StandardSmtp()
            .starttls(cert.serverContext())
            .auth("PLAIN", "LOGIN")
            .user("alice", "hunter2-secret");
    try (var server = ScriptedSmtpServer.start(script)) {
      for (String format : List.of("--json", "--format=text")) {
        CliRun run =
            CliRun.of(
                "smtp",
                server.hostPort(),
                "--ca-file",
                caFile.toString(),
                "--user",
                "alice",
                "--password-file",
                pw.toString(),
                "--auth",
                "plain",
                "-v",
                format);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out() + run.err())
            .doesNotContain("hunter2")
            .doesNotContain("aHVudGVy")
            .doesNotContain(
                java.util.Base64.getEncoder().encodeToString("\0alice\0hunter2-secret".getBytes()));
        assertThat(run.out()).contains("AUTH PLAIN <redacted>");
        if (format.equals("--json")) {
          JsonNode json = run.json();
          assertThat(json.get("smtp").get("auth").get("result").asText()).isEqualTo("success");
          assertThat(json.get("transcript").toString()).contains("S: 235 2.7.0");
        } else {
          assertThat(run.out()).contains("SMTP TRANSCRIPT");
        }
      }
    }
  }

  @Test
  void wrongPasswordIsAFailureWithTheServersReason() throws Exception {
    Path pw = dir.resolve("wrong");
    Files.writeString(pw, "nope");
    var script =
        new StandardSmtp().starttls(cert.serverContext()).auth("LOGIN").user("alice", "right");
    try (var server = ScriptedSmtpServer.start(script)) {
      CliRun run =
          CliRun.of(
              "smtp",
              server.hostPort(),
              "--ca-file",
              caFile.toString(),
              "--user",
              "alice",
              "--password-file",
              pw.toString(),
              "--json");
      assertThat(run.exitCode()).isEqualTo(1);
      JsonNode json = run.json();
      assertThat(ids(json, "fail")).containsExactly("smtp.auth");
      assertThat(json.get("smtp").get("auth").get("reply").get("enhancedCode").asText())
          .isEqualTo("5.7.8");
    }
  }

  @Test
  void openRelayFailsAndDataIsNeverSent() throws Exception {
    try (var server = ScriptedSmtpServer.start(new StandardSmtp().openRelay(true))) {
      CliRun run =
          CliRun.of(
              "smtp", server.hostPort(), "--relay-test", "--ehlo", "client.example.org", "--json");
      assertThat(run.exitCode()).isEqualTo(1);
      JsonNode json = run.json();
      assertThat(ids(json, "fail")).contains("smtp.open-relay");
      assertThat(json.get("smtp").get("relay").get("result").asText()).isEqualTo("accepted");
      assertThat(server.received())
          .noneMatch(l -> l.equalsIgnoreCase("DATA"))
          .contains("EHLO client.example.org", "RSET", "QUIT");
    }
  }

  @Test
  void plaintextAuthListenerIsFlagged() throws Exception {
    try (var server =
        ScriptedSmtpServer.start(
            new StandardSmtp().auth("PLAIN", "LOGIN", "DIGEST-MD5").authBeforeTls(true))) {
      CliRun run = CliRun.of("smtp", server.hostPort(), "--json");
      JsonNode json = run.json();
      assertThat(ids(json, "fail")).contains("smtp.plaintext-auth");
      assertThat(ids(json, "warn")).contains("smtp.starttls", "smtp.auth-obsolete");
      assertThat(run.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void refusedPortIsAFailureNotAnIncompleteRun() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun run = CliRun.of("smtp", "127.0.0.1:" + port, "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = run.json();
    assertThat(json.get("smtp").get("failure").get("kind").asText()).isEqualTo("refused");
    assertThat(json.get("findings").get(0).get("remedy").asText()).contains("Nothing listens");
  }

  @Test
  void tarpitIsAnErrorAndTextOutputSaysWhy() throws Exception {
    try (var server = ScriptedSmtpServer.start(s -> s.hold())) {
      CliRun run = CliRun.of("smtp", server.hostPort(), "--timeout", "300ms", "--no-color");
      // no greeting at all before the deadline: nothing learned about the server, exit 3
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.out())
          .contains("No complete greeting reply before the deadline")
          .contains("smtp.banner");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "smtp;127.0.0.1:99999                        | port must be a number",
        "smtp;bad host name!                         | is not a valid domain name",
        "smtp;127.0.0.1;--auth;FOO;--user;x          | --auth must be one of",
        "smtp;127.0.0.1;--auth;PLAIN                 | --auth needs --user",
        "smtp;127.0.0.1;--ca-file;/nonexistent/ca.pem | cannot read --ca-file",
        "smtp;127.0.0.1;--tls;--starttls             | mutually exclusive",
        "smtp;[::1                                   | missing ']'",
        "smtp;127.0.0.1;--all-ports;--relay-test     | cannot be combined",
        "ports;bad host name!                        | is not a valid domain name",
        "smtp;127.0.0.1;--ehlo;a b                    | --ehlo must be a domain name",
      })
  void badInputIsExitTwoWithOneLine(String args, String expected) {
    // one line, whatever the input
    CliRun run = CliRun.of(args.split(";"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(expected).doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void ehloNameCannotSmuggleACommand() {
    CliRun run = CliRun.of("smtp", "127.0.0.1", "--ehlo", "x\r\nRCPT TO:<a@b>");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--ehlo must be a domain name");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void caFileWithoutCertificatesIsAUsageError() throws Exception {
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a certificate\n");
    CliRun run = CliRun.of("smtp", "127.0.0.1", "--ca-file", junk.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no usable certificate");
  }

  @Test
  void portsCommandReportsEveryMailPortAndValidates() {
    CliRun run = CliRun.of("ports", "127.0.0.1", "--json", "--timeout", "300ms");
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    JsonNode json = run.json();
    assertThat(json.get("command").asText()).isEqualTo("ports");
    assertThat(json.get("ports").get("ports")).hasSize(3);
    assertThat(json.get("ports").get("ports").findValuesAsText("port"))
        .containsExactly("25", "465", "587");
    assertThat(ids(json, null)).contains("smtp.ports");
  }

  @Test
  void ipv6LiteralWithPortInBrackets() throws Exception {
    ScriptedSmtpServer server;
    try {
      server = ScriptedSmtpServer.startOn(InetAddress.getByName("::1"), new StandardSmtp());
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here");
      return;
    }
    try (server) {
      CliRun run = CliRun.of("smtp", "[::1]:" + server.port(), "--json");
      JsonNode json = run.json();
      assertThat(json.get("target").asText()).isEqualTo("[::1]:" + server.port());
      assertThat(json.get("smtp").get("address").asText()).isEqualTo("::1");
      assertThat(json.get("findings").get(0).get("subject").asText())
          .isEqualTo("[::1]:" + server.port());
    }
  }
}
