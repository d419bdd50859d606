package dev.mailcheck.interop;

import static dev.mailcheck.interop.InteropEnv.redacted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailcheck send} against the lab's Postfix + Dovecot: submission on 587 (STARTTLS + AUTH)
 * and 465 (implicit TLS + AUTH) into the Maildir of msg@inbox.test, the body compared byte for
 * byte; a DKIM-signed message verified by dkimpy after Postfix; relay denied and unknown user
 * explained; delivery by MX with a queue id; swaks as the reference for what each stage answers.
 */
class SendInteropIT {
  static InteropEnv env;

  /** Leading dots (dot-stuffing), a tab, 8-bit UTF-8 (sent with BODY=8BITMIME). */
  static final String BODY =
      "Hello from mailcheck send.\n.leading dot\n..two dots\n.\n\tindented\nGrüße aus Köln\nlast line\n";

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static List<String> submission(String port, String marker, String... extra) throws Exception {
    Path body = Files.createTempFile("mc-send-body", ".txt");
    Files.writeString(body, BODY, StandardCharsets.UTF_8);
    var args =
        new ArrayList<>(
            List.of(
                "send",
                "--server",
                "mx1.good.test:" + port,
                "--user",
                env.get("auth.user"),
                "--password-file",
                env.get("auth.passwordFile"),
                "--ca-file",
                env.get("tls.ca"),
                "--allow-private",
                "--from",
                "alice@good.test",
                "--to",
                "msg@inbox.test",
                "--subject",
                marker,
                "--body",
                body.toString(),
                "--8bitmime",
                "--json"));
    args.addAll(List.of(extra));
    return args;
  }

  static JsonNode finding(JsonNode report, String id) {
    for (JsonNode f : report.get("findings")) if (f.get("id").asText().equals(id)) return f;
    throw new AssertionError("no " + id + " in " + report);
  }

  @Test
  void submissionOn587WithStartTlsAndAuthArrivesByteForByte() throws Exception {
    String marker = "send-587-" + UUID.randomUUID();
    Set<Path> before = maildir();
    CliRun r = env.mailcheck(submission("587", marker, "--starttls").toArray(String[]::new));
    assertThat(r.exitCode()).as(redacted(r.out() + r.err())).isZero();
    JsonNode j = r.json();
    assertThat(finding(j, "send.auth").get("status").asText()).isEqualTo("pass");
    assertThat(finding(j, "send.delivered").get("status").asText()).isEqualTo("pass");
    assertThat(j.at("/send/queueId").asText()).matches("[0-9A-F]{6,}");
    assertThat(j.at("/send/attempts/0/tls").asText()).startsWith("TLSv1.");
    assertDelivered(before, marker);
  }

  @Test
  void submissionOn465WithImplicitTlsArrivesByteForByte() throws Exception {
    String marker = "send-465-" + UUID.randomUUID();
    Set<Path> before = maildir();
    CliRun r = env.mailcheck(submission("465", marker, "--tls").toArray(String[]::new));
    assertThat(r.exitCode()).as(redacted(r.out() + r.err())).isZero();
    assertThat(finding(r.json(), "send.delivered").get("status").asText()).isEqualTo("pass");
    assertDelivered(before, marker);
  }

  @Test
  void dkimSignedMessageVerifiesWithDkimpyAfterPostfix() throws Exception {
    String marker = "send-dkim-" + UUID.randomUUID();
    Set<Path> before = maildir();
    CliRun r =
        env.mailcheck(
            submission(
                    "587",
                    marker,
                    "--starttls",
                    "--dkim-key",
                    env.path("dkim.keys").resolve("good-rsa2048.key").toString(),
                    "--dkim-selector",
                    "rsa2048")
                .toArray(String[]::new));
    assertThat(r.exitCode()).as(redacted(r.out() + r.err())).isZero();
    Path delivered = await(before, marker);
    assertThat(Files.readString(delivered, StandardCharsets.UTF_8))
        .contains("DKIM-Signature: v=1; a=rsa-sha256");
    assertThat(dkimpy(delivered)).isEqualTo("pass");
  }

  @Test
  void relayDeniedOnPort25IsExplained() {
    CliRun r =
        env.mailcheck(
            "send",
            "--server",
            "mx1.good.test:25",
            "--ca-file",
            env.get("tls.ca"),
            "--allow-private",
            "--from",
            "probe@client.interop.test",
            "--to",
            "someone@foreign.example",
            "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    JsonNode rcpt = finding(r.json(), "send.rcpt");
    assertThat(rcpt.get("status").asText()).isEqualTo("fail");
    assertThat(rcpt.get("title").asText()).contains("relay access denied");
    assertThat(rcpt.get("remedy").asText()).contains("authenticate", "587");
    assertThat(rcpt.get("evidence").toString())
        .contains("554 5.7.1 <someone@foreign.example>: Relay access denied");
  }

  @Test
  void unknownUserIsExplained() throws Exception {
    var args = submission("587", "send-nobody", "--starttls", "--quit-after", "rcpt");
    args.set(args.indexOf("msg@inbox.test"), "nobody@inbox.test");
    CliRun r = env.mailcheck(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(redacted(r.out() + r.err())).isEqualTo(1);
    JsonNode rcpt = finding(r.json(), "send.rcpt");
    assertThat(rcpt.get("status").asText()).isEqualTo("fail");
    assertThat(rcpt.get("title").asText()).contains("the mailbox does not exist");
    assertThat(rcpt.get("evidence").toString()).contains("550 5.1.1");
  }

  @Test
  void deliveryByMxReturnsTheQueueId() {
    CliRun r =
        env.mailcheck(
            "send",
            "--allow-private",
            "--from",
            "probe@client.interop.test",
            "--to",
            "someone@good.test",
            "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    JsonNode s = r.json().get("send");
    assertThat(s.get("route").asText()).isEqualTo("MX of good.test");
    assertThat(s.at("/attempts/0/host").asText()).endsWith(".good.test");
    assertThat(s.at("/attempts/0/preference").isInt()).isTrue();
    assertThat(s.get("queueId").asText()).matches("[0-9A-F]{6,}");
  }

  /** swaks and mailcheck see the same reply at each stage of the same sessions. */
  @Test
  void stagesAgreeWithSwaks() {
    var swaks =
        InteropEnv.tool(
            Map.of("SWAKS_OPT_auth_password", env.password()),
            "swaks",
            "--server",
            env.get("smtp.mx1"),
            "--port",
            "587",
            "--tls",
            "--auth",
            "PLAIN",
            "--auth-user",
            env.get("auth.user"),
            "--from",
            "alice@good.test",
            "--to",
            "nobody@inbox.test",
            "--quit-after",
            "RCPT",
            "--timeout",
            "10");
    assertThat(redacted(swaks.output()))
        .contains("<~  235 2.7.0 Authentication successful", "<~* 550 5.1.1 <nobody@inbox.test>");
    var args =
        new ArrayList<>(
            List.of(
                "send",
                "--server",
                "mx1.good.test:587",
                "--starttls",
                "--user",
                env.get("auth.user"),
                "--password-file",
                env.get("auth.passwordFile"),
                "--ca-file",
                env.get("tls.ca"),
                "--allow-private",
                "--from",
                "alice@good.test",
                "--to",
                "nobody@inbox.test",
                "--quit-after",
                "rcpt",
                "--json"));
    JsonNode stages =
        env.mailcheck(args.toArray(String[]::new)).json().at("/send/attempts/0/stages");
    String ours = stages.toString();
    assertThat(ours)
        .contains(
            "235 2.7.0 Authentication successful",
            "nobody@inbox.test: 550 5.1.1 <nobody@inbox.test>");

    var relaySwaks =
        InteropEnv.tool(
            Map.of(),
            "swaks",
            "--server",
            env.get("smtp.mx1"),
            "--port",
            "25",
            "--from",
            "probe@client.interop.test",
            "--to",
            "someone@foreign.example",
            "--quit-after",
            "RCPT",
            "--timeout",
            "10");
    assertThat(relaySwaks.output())
        .contains("<** 554 5.7.1 <someone@foreign.example>: Relay access denied");
  }

  private static Set<Path> maildir() throws Exception {
    Path newDir = env.path("maildir").resolve("new");
    Set<Path> before = new HashSet<>();
    if (Files.isDirectory(newDir))
      try (Stream<Path> s = Files.list(newDir)) {
        s.forEach(before::add);
      }
    return before;
  }

  private static Path await(Set<Path> before, String marker) throws Exception {
    Path newDir = env.path("maildir").resolve("new");
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(newDir))
        try (Stream<Path> s = Files.list(newDir)) {
          for (Path p : s.toList())
            if (!before.contains(p)
                && Files.readString(p, StandardCharsets.ISO_8859_1).contains(marker)) return p;
        }
      Thread.sleep(100);
    }
    throw new AssertionError("no message with " + marker + " arrived in " + newDir);
  }

  /** The Maildir copy (LF line ends, as Postfix's virtual agent writes) has our body unchanged. */
  private static void assertDelivered(Set<Path> before, String marker) throws Exception {
    byte[] file = Files.readAllBytes(await(before, marker));
    String text = new String(file, StandardCharsets.UTF_8);
    int end = text.indexOf("\n\n");
    assertThat(end).isPositive();
    assertThat(text.substring(end + 2)).isEqualTo(BODY);
    assertThat(text.substring(0, end))
        .contains("Subject: " + marker, "Message-ID: <", "Content-Transfer-Encoding: 8bit");
  }

  private static String dkimpy(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                env.get("python"),
                env.get("message.tool"),
                "verify",
                env.dnsServer(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return out;
  }
}
