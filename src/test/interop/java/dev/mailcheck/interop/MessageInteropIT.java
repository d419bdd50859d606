package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailcheck message} on mail that went through the lab's real Postfix: sent over SMTP with
 * STARTTLS from 127.25.0.10 (mx1.good.test, which good.test's SPF allows) to mx2.good.test, which
 * adds its Received field and delivers msg@inbox.test into a Maildir (run.sh); the delivered file
 * is read back and analysed. Signers: dkimpy, OpenDKIM and {@code mailcheck dkim sign} (whose
 * signatures dkimpy verifies too); a DSN that Postfix generates for an unknown user; and a list
 * forward ARC-sealed by dkimpy.
 */
class MessageInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
    InteropEnv.assumeAvailable("message");
  }

  @Test
  void aDkimpySignedMessageThroughPostfixIsDeliveredAsAuthenticated() throws Exception {
    Path delivered =
        sendAndFetch(
            env.path("message.fixtures").resolve("dkimpy-signed.eml"),
            "alice@good.test",
            "msg@inbox.test",
            "<message-interop-1@good.test>");
    String text = Files.readString(delivered, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .startsWith("Return-Path: <alice@good.test>")
        .contains("by mx2.good.test (Postfix) with ESMTPS");
    CliRun r = env.mailcheck("message", delivered.toString(), "--trusted-hosts", "1", "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
    JsonNode m = r.json().get("message");
    assertThat(m.at("/verdict/status").asText())
        .as(m.at("/verdict/text").asText())
        .isEqualTo("pass");
    assertThat(m.at("/authentication/spf/result").asText()).isEqualTo("pass");
    assertThat(m.at("/authentication/spf/ip").asText()).isEqualTo("127.25.0.10");
    assertThat(m.at("/authentication/dkim/0/result").asText()).isEqualTo("pass");
    assertThat(m.at("/authentication/dmarc/result").asText()).isEqualTo("pass");
    assertThat(m.at("/authentication/dmarc/policy").asText()).isEqualTo("reject");
    JsonNode hop = m.at("/trace/hops/0");
    assertThat(hop.get("parsed").asBoolean()).isTrue();
    assertThat(hop.get("by").asText()).isEqualTo("mx2.good.test");
    assertThat(hop.get("fromAddress").asText()).isEqualTo("127.25.0.10");
    assertThat(hop.get("tls").asBoolean()).isTrue();
    assertThat(hop.get("tlsNote").asText()).startsWith("TLSv1.").contains(" TLS_");
    assertThat(m.at("/trace/externalHop").asInt()).isEqualTo(1);
    assertThat(bulk(m, "bulk.unsubscribe")).isEqualTo("pass");
    assertThat(bulk(m, "bulk.ptr")).isEqualTo("pass");
    assertThat(bulk(m, "bulk.tls")).isEqualTo("pass");
    assertThat(bulk(m, "bulk.authentication")).isEqualTo("pass");
  }

  @Test
  void mailcheckSignaturesAreVerifiedByDkimpyAndByMailcheckAfterPostfix() throws Exception {
    for (String[] k :
        List.of(
            new String[] {"good-rsa2048.key", "rsa2048"},
            new String[] {"good-ed25519.key", "ed25519"})) {
      String id = "<" + UUID.randomUUID() + "@good.test>";
      Path signed =
          signedByMailcheck(
              "From: Alice <alice@good.test>\r\nTo: msg@inbox.test\r\nSubject: signed by mailcheck "
                  + k[1]
                  + "\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\nMessage-ID: "
                  + id
                  + "\r\n\r\nHello  from   mailcheck dkim sign.\r\n\r\n",
              k[0],
              k[1]);
      assertThat(dkimpy("verify", signed))
          .as("dkimpy on the signed file, " + k[1])
          .isEqualTo("pass");
      Path delivered = sendAndFetch(signed, "alice@good.test", "msg@inbox.test", id);
      assertThat(dkimpy("verify", delivered)).as("dkimpy after Postfix, " + k[1]).isEqualTo("pass");
      JsonNode m =
          env.mailcheck("message", delivered.toString(), "--trusted-hosts", "1", "--json")
              .json()
              .get("message");
      assertThat(m.at("/authentication/dkim/0/result").asText()).as(k[1]).isEqualTo("pass");
      assertThat(m.at("/authentication/dkim/0/algorithm").asText())
          .isEqualTo(k[1].equals("rsa2048") ? "rsa-sha256" : "ed25519-sha256");
      assertThat(m.at("/verdict/status").asText()).isEqualTo("pass");
    }
  }

  /**
   * {@code text} signed by {@code mailcheck dkim sign} for good.test (relaxed/simple), as a file.
   */
  static Path signedByMailcheck(String text, String keyFile, String selector) throws Exception {
    Path plain = Files.createTempFile("mc-plain", ".eml");
    Path signed = Files.createTempFile("mc-signed", ".eml");
    Files.writeString(plain, text, StandardCharsets.ISO_8859_1);
    CliRun sign =
        CliRun.of(
            "dkim",
            "sign",
            plain.toString(),
            "--domain",
            "good.test",
            "--selector",
            selector,
            "--key",
            env.path("dkim.keys").resolve(keyFile).toString(),
            "--canon",
            "relaxed/simple",
            "-o",
            signed.toString());
    assertThat(sign.exitCode()).as(sign.err()).isEqualTo(0);
    return signed;
  }

  /**
   * Postfix's virtual agent appends to an mbox and quotes body lines that start with "From " as
   * ">From " (RFC 4155 §2); {@code message --all} reads each message back unquoted, so the DKIM
   * body hash (simple body canonicalization: any change breaks it) still verifies.
   */
  @Test
  void messagesPostfixAppendsToAnMboxAreReadBackUnquoted() throws Exception {
    String run = UUID.randomUUID().toString();
    for (String[] k :
        List.of(
            new String[] {"good-rsa2048.key", "rsa2048"},
            new String[] {"good-ed25519.key", "ed25519"})) {
      Path signed =
          signedByMailcheck(
              "From: Alice <alice@good.test>\r\nTo: mbox@inbox.test\r\nSubject: mbox "
                  + k[1]
                  + "\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\nMessage-ID: <"
                  + k[1]
                  + "-"
                  + run
                  + "@good.test>\r\n\r\nHello,\r\n\r\nFrom the desk of Alice: a line an mbox"
                  + " writer must quote.\r\nFrom here on, another.\r\n",
              k[0],
              k[1]);
      send(Files.readAllBytes(signed), "alice@good.test", "mbox@inbox.test");
    }
    Path mbox = env.path("mbox");
    String text = "";
    for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline; ) {
      text = Files.exists(mbox) ? Files.readString(mbox, StandardCharsets.ISO_8859_1) : "";
      if (text.contains("<rsa2048-" + run) && text.contains("<ed25519-" + run)) break;
      Thread.sleep(100);
    }
    assertThat(text).as("both messages in " + mbox).contains("<rsa2048-" + run, "<ed25519-" + run);
    assertThat(text).as("Postfix quoted the body lines").contains("\n>From the desk of Alice");

    JsonNode r =
        env.mailcheck("message", mbox.toString(), "--all", "--trusted-hosts", "1", "--json").json();
    JsonNode messages = r.at("/messages/messages");
    assertThat(messages.size()).as(r.toString()).isGreaterThanOrEqualTo(2);
    int ours = 0;
    for (JsonNode m : messages) {
      assertThat(m.at("/authentication/dkim/0/result").asText())
          .as("every message Postfix appended verifies: %s", m.at("/headers"))
          .isEqualTo("pass");
      if (m.toString().contains(run)) ours++;
    }
    assertThat(ours).isEqualTo(2);
    // the mbox is LF-terminated, as Postfix writes it: not the messages' fault
    assertThat(r.toString()).doesNotContain("message.bare-lf");
  }

  @Test
  void anOpenDkimSignedMessageThroughPostfixVerifies() throws Exception {
    Path opendkim = env.path("dkim.messages").resolve("opendkim-rsa2048.eml");
    assertThat(opendkim).exists();
    String text = Files.readString(opendkim, StandardCharsets.ISO_8859_1);
    String id =
        text.lines()
            .filter(l -> l.startsWith("Message-ID:"))
            .findFirst()
            .orElseThrow()
            .substring(11)
            .strip();
    Path delivered = sendAndFetch(opendkim, "alice@good.test", "msg@inbox.test", id);
    JsonNode m =
        env.mailcheck("message", delivered.toString(), "--trusted-hosts", "1", "--json")
            .json()
            .get("message");
    assertThat(m.at("/authentication/dkim/0/result").asText()).isEqualTo("pass");
    assertThat(m.at("/authentication/dkim/0/canonicalization").asText())
        .isEqualTo("relaxed/simple");
  }

  @Test
  void theDsnPostfixWritesForAnUnknownUserIsExplained() throws Exception {
    String id = "<" + UUID.randomUUID() + "@inbox.test>";
    Path m = Files.createTempFile("mc-bounce", ".eml");
    Files.writeString(
        m,
        "From: msg@inbox.test\r\nTo: nobody@inbox.test\r\nSubject: to nobody\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\nMessage-ID: "
            + id
            + "\r\n\r\nhello?\r\n",
        StandardCharsets.ISO_8859_1);
    Path dsn = sendAndFetch(m, "msg@inbox.test", "nobody@inbox.test", id);
    assertThat(Files.readString(dsn, StandardCharsets.ISO_8859_1))
        .contains("multipart/report")
        .contains("message/delivery-status");
    CliRun r = env.mailcheck("message", dsn.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode b = r.json().at("/message/bounce");
    assertThat(b.get("reportingMta").asText()).isEqualTo("mx1.good.test");
    JsonNode rcpt = b.at("/recipients/0");
    assertThat(rcpt.get("recipient").asText()).isEqualTo("nobody@inbox.test");
    assertThat(rcpt.get("action").asText()).isEqualTo("failed");
    assertThat(rcpt.get("status").asText()).isEqualTo("5.1.1");
    assertThat(rcpt.get("meaning").asText()).isEqualTo("the mailbox does not exist");
    assertThat(rcpt.has("smtpCode"))
        .as("Postfix gave no reply code for a local unknown user")
        .isFalse();
    assertThat(rcpt.get("fix").asText()).isNotEmpty();
    assertThat(r.json().at("/message/verdict/text").asText())
        .startsWith("bounce: 1 recipient(s) failed; nobody@inbox.test");
  }

  @Test
  void anArcSealedListForwardValidatesWhileDkimBreaks() throws Exception {
    Path delivered =
        sendAndFetch(
            env.path("message.fixtures").resolve("arc-forward.eml"),
            "list@good.test",
            "msg@inbox.test",
            "<message-interop-1@good.test>");
    assertThat(dkimpy("arc-verify", delivered)).isEqualTo("pass");
    JsonNode m =
        env.mailcheck("message", delivered.toString(), "--trusted-hosts", "1", "--json")
            .json()
            .get("message");
    assertThat(m.at("/authentication/arc/cv").asText())
        .as(m.at("/authentication/arc/reason").asText())
        .isEqualTo("pass");
    assertThat(m.at("/authentication/arc/instances/0/sealer").asText()).isEqualTo("good.test");
    assertThat(m.at("/authentication/arc/instances/0/authservId").asText())
        .isEqualTo("lists.good.test");
    assertThat(m.at("/authentication/dkim/0/result").asText()).isEqualTo("fail");
    JsonNode dkim = null;
    for (JsonNode c : m.at("/authentication/receiverResults"))
      if (c.get("method").asText().equals("dkim")) dkim = c;
    assertThat(dkim).isNotNull();
    assertThat(dkim.get("agree").asBoolean()).isFalse();
    assertThat(dkim.get("note").asText())
        .contains("the body changed after the receiver verified it");
  }

  private static String bulk(JsonNode m, String id) {
    for (JsonNode r : m.get("bulkSender"))
      if (r.get("id").asText().equals(id)) return r.get("status").asText();
    return "absent";
  }

  private static String dkimpy(String cmd, Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                env.get("python"), env.get("message.tool"), cmd, env.dnsServer(), file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return out;
  }

  /**
   * Sends {@code file} through mx2.good.test and returns the Maildir file that holds {@code
   * marker}.
   */
  static Path sendAndFetch(Path file, String from, String rcpt, String marker) throws Exception {
    Path newDir = env.path("maildir").resolve("new");
    Set<Path> before = new HashSet<>();
    if (Files.isDirectory(newDir))
      try (Stream<Path> s = Files.list(newDir)) {
        s.forEach(before::add);
      }
    send(Files.readAllBytes(file), from, rcpt);
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
    throw new AssertionError(
        "no message with " + marker + " arrived in " + newDir + " (see postfix.log)");
  }

  /** A minimal SMTP client: EHLO, STARTTLS, EHLO, MAIL, RCPT, DATA (dot-stuffed), QUIT. */
  static void send(byte[] message, String from, String rcpt) throws Exception {
    try (Socket plain = new Socket()) {
      plain.bind(new InetSocketAddress(InetAddress.getByName(env.get("smtp.mx1")), 0));
      plain.connect(new InetSocketAddress(env.get("smtp.mx2"), 25), 5000);
      plain.setSoTimeout(10_000);
      var in =
          new BufferedReader(
              new InputStreamReader(plain.getInputStream(), StandardCharsets.ISO_8859_1));
      expect(in, "220");
      command(plain.getOutputStream(), in, "EHLO mx1.good.test", "250");
      command(plain.getOutputStream(), in, "STARTTLS", "220");
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new TrustAll()}, null);
      try (SSLSocket tls =
          (SSLSocket) ctx.getSocketFactory().createSocket(plain, "mx2.good.test", 25, true)) {
        tls.startHandshake();
        var tin =
            new BufferedReader(
                new InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = tls.getOutputStream();
        command(out, tin, "EHLO mx1.good.test", "250");
        command(out, tin, "MAIL FROM:<" + from + ">", "250");
        command(out, tin, "RCPT TO:<" + rcpt + ">", "250");
        command(out, tin, "DATA", "354");
        String text =
            new String(message, StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n")
                .replace("\n", "\r\n");
        if (!text.endsWith("\r\n")) text += "\r\n";
        text = text.replace("\r\n.", "\r\n..");
        if (text.startsWith(".")) text = "." + text;
        out.write((text + ".\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        expect(tin, "250");
        command(out, tin, "QUIT", "221");
      }
    }
  }

  private static void command(OutputStream out, BufferedReader in, String line, String code)
      throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    expect(in, code);
  }

  private static void expect(BufferedReader in, String code) throws IOException {
    String l;
    do {
      l = in.readLine();
      if (l == null) throw new IOException("connection closed, expected " + code);
      if (!l.startsWith(code)) throw new IOException("expected " + code + ", got: " + l);
    } while (l.length() > 3 && l.charAt(3) == '-');
  }

  /** The lab's certificate is from its own CA; this client only needs the TLS session. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
