package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.smtp.testserver.ReceivingSmtp;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.CliRun;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailcheck send} and {@code smtp --rcpt} in-process against in-process servers. */
class SendCommandTest {
  static final String USER = "alice@sender.test";
  static final String PASSWORD = "pw-Zq8v!secret";
  @TempDir Path dir;

  static CliRun send(String server, String... extra) {
    var args =
        new ArrayList<>(
            List.of(
                "send",
                "--server",
                server,
                "--no-tls",
                "--from",
                "a@sender.test",
                "--timeout",
                "3s"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  static CliRun withSecrets(Map<String, String> env, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    CommandLine cl =
        CommandLines.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    ((SendCommand) cl.getSubcommands().get("send").getCommand()).secrets =
        new Secrets(env, p -> Optional.empty());
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static JsonNode finding(JsonNode report, String id) {
    for (JsonNode f : report.get("findings")) if (f.get("id").asText().equals(id)) return f;
    throw new AssertionError("no " + id + " in " + report);
  }

  @Test
  void deliversAndReportsStagesRepliesAndTheQueueIdInJson() throws Exception {
    var script = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(script)) {
      CliRun r = send(server.hostPort(), "--to", "b@rcpt.test", "--subject", "probe", "--json");
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
      JsonNode j = r.json();
      JsonNode s = j.get("send");
      assertThat(s.get("outcome").asText()).isEqualTo("delivered");
      assertThat(s.get("queueId").asText()).isEqualTo("4Fq2Lk0x7Qz1");
      JsonNode stages = s.get("attempts").get(0).get("stages");
      List<String> names = new ArrayList<>();
      stages.forEach(x -> names.add(x.get("stage").asText()));
      assertThat(names)
          .containsSubsequence("connect", "banner", "ehlo", "mail", "rcpt", "data", "quit");
      assertThat(stages.toString())
          .contains("250 2.0.0 Ok: queued as 4Fq2Lk0x7Qz1", "b@rcpt.test: 250 2.1.5 Ok");
      assertThat(finding(j, "send.delivered").get("status").asText()).isEqualTo("pass");
      assertThat(script.messages()).hasSize(1);
      assertThat(new String(script.messages().get(0), StandardCharsets.UTF_8))
          .contains("Subject: probe\r\n", "From: a@sender.test\r\n", "Message-ID: <");
    }
  }

  @Test
  void verboseTextShowsTheTranscriptLikeSwaks() throws Exception {
    try (var server = ScriptedSmtpServer.start(new ReceivingSmtp())) {
      CliRun r = send(server.hostPort(), "--to", "b@rcpt.test", "-v");
      assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(r.out())
          .contains(
              "SEND a@sender.test -> b@rcpt.test", "outcome    delivered, queued as 4Fq2Lk0x7Qz1");
      assertThat(r.out()).containsPattern("C: MAIL FROM:<a@sender.test> SIZE=\\d+");
      assertThat(r.out()).contains("S: 354", "bytes of message data");
    }
  }

  @Test
  void unknownRecipientIsExplainedAndExitsOne() throws Exception {
    var script =
        new ReceivingSmtp()
            .rcpt(
                "nobody@rcpt.test",
                "550 5.1.1 <nobody@rcpt.test>: Recipient address rejected: User unknown in virtual mailbox table");
    try (var server = ScriptedSmtpServer.start(script)) {
      CliRun r = send(server.hostPort(), "--to", "nobody@rcpt.test", "--json");
      assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
      JsonNode rcpt = finding(r.json(), "send.rcpt");
      assertThat(rcpt.get("status").asText()).isEqualTo("fail");
      assertThat(rcpt.get("title").asText()).contains("the mailbox does not exist");
      assertThat(rcpt.get("remedy").asText()).contains("typo");
      assertThat(server.received()).doesNotContain("DATA");
    }
  }

  @Test
  void connectionRefusedNamesTheCause() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun r = send("127.0.0.1:" + port, "--to", "b@rcpt.test", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode c = finding(r.json(), "send.connect");
    assertThat(c.get("status").asText()).isEqualTo("fail");
    assertThat(c.get("remedy").asText()).contains("service is not running", "port");
  }

  @Test
  void attachmentLargerThanTheServersSizeIsRefusedBeforeMailNamingTheLimit() throws Exception {
    Path big = dir.resolve("big.bin");
    try (var f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(30L * 1024 * 1024);
    }
    var script = new ReceivingSmtp().extensions("SIZE 10240000", "8BITMIME", "PIPELINING");
    try (var server = ScriptedSmtpServer.start(script)) {
      CliRun r =
          send(server.hostPort(), "--to", "b@rcpt.test", "--attach", big.toString(), "--json");
      assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
      JsonNode m = finding(r.json(), "send.mail-from");
      assertThat(m.get("status").asText()).isEqualTo("fail");
      assertThat(m.get("title").asText()).contains("SIZE limit is 10240000 bytes");
      assertThat(server.received()).noneMatch(l -> l.startsWith("MAIL") || l.equals("DATA"));
    }
  }

  @Test
  void internationalAddressToAServerWithoutSmtputf8IsRefusedClearly() throws Exception {
    var script = new ReceivingSmtp().extensions("SIZE 10240000", "8BITMIME");
    try (var server = ScriptedSmtpServer.start(script)) {
      CliRun r = send(server.hostPort(), "--to", "jörg@bücher.test", "--json");
      assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
      assertThat(finding(r.json(), "send.mail-from").get("title").asText()).contains("SMTPUTF8");
      assertThat(server.received()).noneMatch(l -> l.startsWith("MAIL"));
    }
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    for (String[] args :
        List.of(
            new String[] {"send", "--to", "no-at-sign", "--from", "a@b.test"},
            new String[] {"send", "--to", "b@rcpt.test"},
            new String[] {
              "send",
              "--to",
              "b@rcpt.test",
              "--from",
              "a@b.test",
              "--header",
              "X-A: 1\r\nBcc: victim@example.org"
            },
            new String[] {
              "send", "--to", "b@rcpt.test", "--from", "a@b.test", "--subject", "hi\nBcc: x@y.test"
            },
            new String[] {
              "send", "--to", "b@rcpt.test", "--from", "a@b.test", "--quit-after", "never"
            },
            new String[] {"send", "--to", "b@one.test", "--to", "c@two.test", "--from", "a@b.test"},
            new String[] {
              "send", "--to", "b@rcpt.test", "--from", "a@b.test", "--attach", "/nonexistent/file"
            },
            new String[] {
              "send", "--to", "b@rcpt.test", "--from", "a@b.test", "--dkim-key", "k.pem"
            })) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode())
          .as(String.join(" ", args) + "\n" + r.err())
          .isEqualTo(ExitCode.USAGE);
      assertThat(r.err())
          .startsWith("mailcheck: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void authenticatedSubmissionOverStartTlsAndNoSecretInTheOutput() throws Exception {
    TestPki pki = TestPki.create();
    var cert = pki.issue("localhost", List.of("localhost", "127.0.0.1"), 60);
    Path ca = pki.writeCaPem(dir);
    try (var server =
        ScriptedSmtpServer.start(
            new StandardSmtp()
                .starttls(cert.serverContext())
                .auth("PLAIN", "LOGIN")
                .user(USER, PASSWORD))) {
      String[] args = {
        "send",
        "--server",
        server.hostPort(),
        "--starttls",
        "--ca-file",
        ca.toString(),
        "--user",
        USER,
        "--to",
        "b@rcpt.test",
        "--quit-after",
        "rcpt",
        "--timeout",
        "3s",
        "-v",
        "--json"
      };
      CliRun ok = withSecrets(Map.of("MAILCHECK_PASSWORD", PASSWORD), args);
      assertThat(ok.exitCode()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
      JsonNode j = ok.json();
      assertThat(finding(j, "send.auth").get("status").asText()).isEqualTo("pass");
      assertThat(finding(j, "send.rcpt").get("status").asText()).isEqualTo("pass");
      assertThat(finding(j, "send.delivered").get("status").asText()).isEqualTo("info");
      assertThat(ok.out() + ok.err())
          .doesNotContain(PASSWORD)
          .doesNotContain(
              java.util.Base64.getEncoder()
                  .encodeToString(
                      ("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
      assertThat(server.received()).doesNotContain("DATA");

      CliRun wrong = withSecrets(Map.of("MAILCHECK_PASSWORD", "nope"), args);
      assertThat(wrong.exitCode()).isEqualTo(ExitCode.FINDINGS);
      JsonNode auth = finding(wrong.json(), "send.auth");
      assertThat(auth.get("status").asText()).isEqualTo("fail");
      assertThat(auth.get("remedy").asText()).contains("app password");
    }
  }

  @Test
  void smtpRcptChecksRecipientsAndExplainsRelayDenied() throws Exception {
    try (var server = ScriptedSmtpServer.start(new StandardSmtp())) {
      CliRun r =
          CliRun.of(
              "smtp",
              server.hostPort(),
              "--no-tls",
              "--no-legacy-tls",
              "--rcpt",
              "b@elsewhere.test",
              "--mail-from",
              "a@sender.test",
              "--timeout",
              "3s",
              "--json");
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS);
      JsonNode f = finding(r.json(), "smtp.rcpt");
      assertThat(f.get("status").asText()).isEqualTo("fail");
      assertThat(f.get("title").asText()).contains("relay access denied");
      assertThat(f.get("remedy").asText()).contains("authenticate");
      assertThat(server.received())
          .contains("MAIL FROM:<a@sender.test>", "RCPT TO:<b@elsewhere.test>")
          .doesNotContain("DATA");
    }
  }
}
