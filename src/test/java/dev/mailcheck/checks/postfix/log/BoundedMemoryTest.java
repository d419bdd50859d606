package dev.mailcheck.checks.postfix.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcheck.testing.ChildJvm;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big and hostile input in a child JVM with a 64 MB heap: a 100 MB line without a line end, and
 * 150,000 messages that are never removed from the queue (more than the queue-id table holds), so
 * that neither the line reader nor the join may keep what it reads.
 */
class BoundedMemoryTest {
  @TempDir Path tmp;

  @Test
  void hundredMegabyteLineAndUnboundedQueueIdsIn64MegabyteHeap() throws Exception {
    Path log = tmp.resolve("big.log");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      out.write("May  3 10:00:00 mail postfix/smtpd[1]: ".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 100; i++) out.write(chunk);
      out.write('\n');
      for (int i = 0; i < 150_000; i++) {
        String q = Integer.toHexString(0x100000 + i).toUpperCase();
        String t =
            String.format("May  3 %02d:%02d:%02d mail ", 10 + i / 3600 % 12, i / 60 % 60, i % 60);
        String lines =
            t
                + "postfix/smtpd[2]: "
                + q
                + ": client=mx.example.net[192.0.2.1]\n"
                + t
                + "postfix/qmgr[3]: "
                + q
                + ": from=<a@example.net>, size=1000, nrcpt=1 (queue active)\n"
                + t
                + "postfix/smtp[4]: "
                + q
                + ": to=<b"
                + i
                + "@d"
                + (i % 9000)
                + ".example>, relay=none, delay=1.5, delays=0.5/0/1/0, dsn=4.4.1, status=deferred (connect to mx.d.example[192.0.2.9]:25: Connection timed out)\n";
        out.write(lines.getBytes(StandardCharsets.US_ASCII));
      }
    }
    ChildJvm.Result r = ChildJvm.run("-Xmx64m", 120, "--json", "postfix", "log", log.toString());
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).doesNotContain("OutOfMemoryError");
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode in = json.path("postfixLog").path("input");
    assertThat(in.path("overlong").asLong()).isEqualTo(1);
    assertThat(in.path("lines").asLong()).isEqualTo(1 + 3 * 150_000);
    assertThat(in.path("joinEvicted").asLong()).isEqualTo(50_000);
    JsonNode totals = json.path("postfixLog").path("totals");
    assertThat(totals.path("received").asLong()).isEqualTo(150_000);
    assertThat(totals.path("deferred").asLong()).isEqualTo(150_000);
    assertThat(json.path("postfixLog").path("truncated").toString()).contains("recipientDomains");
  }
}
