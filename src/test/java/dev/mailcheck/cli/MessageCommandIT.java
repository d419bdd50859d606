package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailcheck message}, {@code dkim sign} and {@code dkim keygen} end to end, in-process. */
class MessageCommandIT {
  @TempDir Path tmp;

  static final String MESSAGE =
      "Received: from mail.msg.test (mail.msg.test [192.0.2.10])\r\n\tby mx.example.org (Postfix) with ESMTPS id 1\r\n\tfor <bob@example.org>; Tue, 9 Apr 2024 10:00:05 +0000\r\n"
          + "Return-Path: <alice@msg.test>\r\n"
          + "From: Alice <alice@msg.test>\r\nTo: bob@example.org\r\nSubject: hi\r\nDate: Tue, 9 Apr 2024 10:00:00 +0000\r\nMessage-ID: <m1@msg.test>\r\n\r\nHello\r\n";

  static final String ZONE =
      "@ IN TXT \"v=spf1 ip4:192.0.2.10 -all\"\n_dmarc IN TXT \"v=DMARC1; p=reject\"\nmail IN A 192.0.2.10\n";

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  @Test
  void signKeygenAndAnalyseEndToEnd() throws Exception {
    CliRun keygen =
        CliRun.of(
            "dkim", "keygen", "--domain", "msg.test", "--selector", "s1", "--out", tmp.toString());
    assertThat(keygen.exitCode()).as(keygen.err()).isEqualTo(0);
    Path key = tmp.resolve("s1.private");
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(keygen.out()).contains("s1._domainkey.msg.test. 3600 IN TXT ( \"v=DKIM1; k=rsa; p=");
    assertThat(keygen.out()).doesNotContain("PRIVATE KEY");
    // The second run must not overwrite the key.
    assertThat(
            CliRun.of("dkim", "keygen", "--domain", "msg.test", "-s", "s1", "--out", tmp.toString())
                .exitCode())
        .isEqualTo(ExitCode.USAGE);

    Path signed = tmp.resolve("signed.eml");
    CliRun sign =
        CliRun.of(
            "dkim",
            "sign",
            write("m.eml", MESSAGE).toString(),
            "--domain",
            "msg.test",
            "-s",
            "s1",
            "--key",
            key.toString(),
            "-o",
            signed.toString());
    assertThat(sign.exitCode()).as(sign.err()).isEqualTo(0);
    assertThat(Files.readString(signed))
        .startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;");

    String txt =
        Files.readString(tmp.resolve("s1.txt"))
            .replaceAll("(?s).*?\\( ", "")
            .replaceAll("\\s*\\)\\s*$", "")
            .replace("\"\n\t\"", "\" \"");
    try (TestDnsServer dns =
        TestDnsServer.start().zone("msg.test", ZONE + "s1._domainkey IN TXT " + txt + "\n")) {
      CliRun r =
          CliRun.of(
              "--resolver",
              dns.address(),
              "--timeout",
              "2s",
              "message",
              signed.toString(),
              "--json");
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
      var m = r.json().get("message");
      assertThat(m.at("/verdict/status").asText())
          .as(m.at("/verdict/text").asText())
          .isEqualTo("pass");
      assertThat(m.at("/authentication/dkim/0/result").asText()).isEqualTo("pass");
      assertThat(m.at("/authentication/spf/result").asText()).isEqualTo("pass");
      CliRun text =
          CliRun.of("--resolver", dns.address(), "--timeout", "2s", "message", signed.toString());
      assertThat(text.out())
          .startsWith("mailcheck message ")
          .contains("verdict: delivered as authenticated");
      // A changed copy: DMARC p=reject fails only if SPF fails too, so take SPF away with --ip.
      Files.writeString(
          tmp.resolve("changed.eml"), Files.readString(signed).replace("Hello", "Hullo"));
      CliRun bad =
          CliRun.of(
              "--resolver",
              dns.address(),
              "--timeout",
              "2s",
              "message",
              tmp.resolve("changed.eml").toString(),
              "--ip",
              "198.51.100.1");
      assertThat(bad.exitCode()).isEqualTo(ExitCode.FINDINGS);
      assertThat(bad.out())
          .contains("verdict: DMARC fails for msg.test and its policy asks receivers to reject it");
    }
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    byte[] binary = new byte[4096];
    new Random(1).nextBytes(binary);
    Path bin = tmp.resolve("x.bin");
    Files.write(bin, binary);
    for (Path p :
        new Path[] {
          bin,
          write("empty.eml", ""),
          write("text.txt", "just some text\nno headers\n"),
          tmp.resolve("missing.eml")
        }) {
      CliRun r = CliRun.of("message", p.toString());
      assertThat(r.exitCode()).as(p + ": " + r.err()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err().strip())
          .startsWith("mailcheck: ")
          .doesNotContain("\n")
          .doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }
    assertThat(CliRun.of("message", write("m.eml", MESSAGE).toString(), "--ip", "nope").err())
        .contains("--ip: 'nope' is not an IPv4 or IPv6 address");
    assertThat(
            CliRun.of("message", write("m.eml", MESSAGE).toString(), "--profile", "x").exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(
            CliRun.of(
                    "dkim",
                    "sign",
                    write("m.eml", MESSAGE).toString(),
                    "--domain",
                    "msg.test",
                    "-s",
                    "s1",
                    "--key",
                    write("k.pem", "not a key").toString())
                .err()
                .strip())
        .isEqualTo(
            "mailcheck: --key "
                + tmp.resolve("k.pem")
                + ": not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
  }

  @Test
  void oddButReadableMessagesGetAResult() throws Exception {
    try (TestDnsServer dns = TestDnsServer.start().zone("msg.test", ZONE)) {
      String[] odd = {
        "From: a@msg.test\r\nSubject: no separator, no body", // no header/body separator
        "From: a@msg.test\r\n\r\nNUL \0 here\r\n", // NUL octets
        "From: a@msg.test\nContent-Type: multipart/mixed; boundary=Q\n\n--Q\nbroken", // bare LF,
        // broken MIME
      };
      String[] ids = {"message.header-end", "message.nul", "message.mime"};
      for (int i = 0; i < odd.length; i++) {
        CliRun r =
            CliRun.of(
                "--resolver",
                dns.address(),
                "--timeout",
                "2s",
                "message",
                write("odd" + i + ".eml", odd[i]).toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.json().toString()).contains(ids[i]);
      }
    }
  }

  @Test
  void anMboxIsReadMessageByMessage() throws Exception {
    String mbox =
        "From alice@msg.test Tue Apr  9 10:00:00 2024\n"
            + MESSAGE.replace("\r\n", "\n")
            + "\nFrom bob@msg.test Tue Apr  9 10:00:00 2024\n"
            + MESSAGE.replace("\r\n", "\n").replace("Subject: hi", "Subject: second");
    try (TestDnsServer dns = TestDnsServer.start().zone("msg.test", ZONE)) {
      var j = message(dns, write("box.mbox", mbox).toString(), "--all").json();
      assertThat(j.at("/messages/messages")).hasSize(2);
      assertThat(j.at("/messages/messages/1/summary/subject").asText()).isEqualTo("second");
      // LF is the mbox file's line end, not the messages': no bare-LF warning for either
      assertThat(j.toString()).doesNotContain("message.bare-lf");
      // the same message on its own, as an LF file, is warned about
      String alone = write("one.eml", MESSAGE.replace("\r\n", "\n")).toString();
      assertThat(message(dns, alone).json().toString()).contains("message.bare-lf");
    }
  }

  /** {@code mailcheck message FILE OPTIONS --json} against {@code dns}. */
  private static CliRun message(TestDnsServer dns, String file, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("--resolver", dns.address(), "--timeout", "2s", "message", file, "--json"));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }
}
