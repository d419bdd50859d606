package dev.mailcheck.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.testing.ChildJvm;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One input kind each, in a child JVM with a 64 MB heap (issue 19): a DMARC aggregate report larger
 * than the heap, a message near the 50 MB input limit, a --dns-replay file of 30,000 answers, and a
 * Postfix log larger than the heap. The log reader also has in-process tests ({@code
 * BoundedMemoryTest}: a 100 MB line and 450,000 lines) and so has {@code dkim verify} ({@code
 * LargeMessageTest}).
 */
class SmallHeapIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static ChildJvm.Result run(String... args) throws Exception {
    return ChildJvm.run("-Xmx64m", 240, args);
  }

  @Test
  void aDmarcReportLargerThanTheHeapStreams() throws Exception {
    Path xml = tmp.resolve("big.xml");
    int records = 120_000;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(xml), 1 << 16)) {
      o.write(
          ("<?xml version=\"1.0\"?>\n<feedback><report_metadata><org_name>Big</org_name>"
                  + "<email>r@big.example</email><report_id>big-1</report_id><date_range>"
                  + "<begin>1704412800</begin><end>1704499199</end></date_range></report_metadata>"
                  + "<policy_published><domain>example.com</domain><p>none</p></policy_published>\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < records; i++) {
        String ip = "198.51." + (i / 250 % 20) + "." + (i % 250 + 1);
        o.write(
            ("<record><row><source_ip>"
                    + ip
                    + "</source_ip><count>2</count><policy_evaluated><disposition>none</disposition>"
                    + "<dkim>fail</dkim><spf>pass</spf></policy_evaluated></row><identifiers>"
                    + "<header_from>example.com</header_from></identifiers><auth_results><dkim>"
                    + "<domain>example.com</domain><selector>s1</selector><result>fail</result>"
                    + "<human_result>"
                    + "padding ".repeat(60)
                    + "</human_result></dkim><spf><domain>example.com</domain><result>pass</result>"
                    + "</spf></auth_results></record>\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      o.write("</feedback>\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(Files.size(xml)).isGreaterThan(80L << 20);
    ChildJvm.Result r = run("--json", "dmarc", "report", xml.toString());
    assertThat(r.err()).doesNotContain("OutOfMemoryError");
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    JsonNode v = JSON.readTree(r.out()).path("dmarcReport");
    assertThat(v.path("reports").asLong()).isEqualTo(1);
    assertThat(v.path("records").asLong()).isEqualTo(records);
    assertThat(v.path("messages").asLong()).isEqualTo(2L * records);
  }

  @Test
  void aMessageNearTheInputLimitStreams() throws Exception {
    Path eml = tmp.resolve("big.eml");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(eml), 1 << 16)) {
      o.write(
          ("From: a@example.com\r\nTo: b@example.net\r\nSubject: big\r\n"
                  + "Message-ID: <big@example.com>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] line = ("x".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      for (long n = 0; n < 45L * 1000 * 1000; n += line.length) o.write(line);
    }
    // an in-process DNS server on loopback: REFUSED for every name, nothing leaves the host
    ChildJvm.Result r;
    try (TestDnsServer dns = TestDnsServer.start()) {
      r = run("--json", "--resolver", dns.address(), "--timeout", "2s", "message", eml.toString());
    }
    assertThat(r.err()).doesNotContain("OutOfMemoryError");
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(JSON.readTree(r.out()).has("message")).as(r.out()).isTrue();
  }

  @Test
  void aPostfixLogLargerThanTheHeapStreams() throws Exception {
    Path log = tmp.resolve("mail.log");
    int messages = 150_000;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
      String p = "May  1 00:00:00 mail postfix/";
      for (int i = 0; i < messages; i++) {
        String q = String.format("%010X", 0x10000000L + i);
        o.write(
            (p
                    + "smtpd[2001]: connect from mx.example.net[198.51.100.7]\n"
                    + p
                    + "smtpd[2001]: "
                    + q
                    + ": client=mx.example.net[198.51.100.7]\n"
                    + p
                    + "cleanup[2002]: "
                    + q
                    + ": message-id=<"
                    + q
                    + "@example.com>\n"
                    + p
                    + "qmgr[900]: "
                    + q
                    + ": from=<news@example.com>, size=1000, nrcpt=1 (queue active)\n"
                    + p
                    + "smtp[2003]: "
                    + q
                    + ": to=<user"
                    + (i % 1000)
                    + "@example.org>, relay=mx.example.org[203.0.113.5]:25, delay=0.2,"
                    + " delays=0.01/0/0.1/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as "
                    + q
                    + ")\n"
                    + p
                    + "qmgr[900]: "
                    + q
                    + ": removed\n"
                    + p
                    + "smtpd[2001]: disconnect from mx.example.net[198.51.100.7] ehlo=1 mail=1"
                    + " rcpt=1 data=1 quit=1 commands=5\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
    }
    assertThat(Files.size(log)).isGreaterThan(80L << 20);
    ChildJvm.Result r = run("--json", "postfix", "log", log.toString());
    assertThat(r.err()).doesNotContain("OutOfMemoryError");
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    JsonNode totals = JSON.readTree(r.out()).path("postfixLog").path("totals");
    assertThat(totals.path("received").asLong()).as(r.out()).isEqualTo(messages);
    assertThat(totals.path("delivered").asLong()).isEqualTo(messages);
    assertThat(totals.path("bytesReceived").asLong()).isEqualTo(1000L * messages);
  }

  @Test
  void aReplayFileOfThirtyThousandAnswersReads() throws Exception {
    Path replay = tmp.resolve("replay.json");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(replay), 1 << 16)) {
      o.write(
          ("[{\"name\":\"_dmarc.example.com\",\"type\":\"TXT\",\"outcome\":\"NOERROR\",\"records\":"
                  + "[{\"name\":\"_dmarc.example.com\",\"type\":\"TXT\",\"ttl\":300,"
                  + "\"data\":\"\\\"v=DMARC1; p=reject\\\"\"}]}")
              .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 30_000; i++)
        o.write(
            (",{\"name\":\"h"
                    + i
                    + ".example.com\",\"type\":\"TXT\",\"outcome\":\"NOERROR\",\"records\":"
                    + "[{\"name\":\"h"
                    + i
                    + ".example.com\",\"type\":\"TXT\",\"ttl\":300,\"data\":\"\\\"filler "
                    + "f".repeat(60)
                    + "\\\"\"}]}")
                .getBytes(StandardCharsets.US_ASCII));
      o.write("]\n".getBytes(StandardCharsets.US_ASCII));
    }
    ChildJvm.Result r = run("--json", "--dns-replay", replay.toString(), "dmarc", "example.com");
    assertThat(r.err()).doesNotContain("OutOfMemoryError");
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(JSON.readTree(r.out()).toString()).contains("v=DMARC1; p=reject");
  }
}
