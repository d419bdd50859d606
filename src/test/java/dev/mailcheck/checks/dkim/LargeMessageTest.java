package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.testing.ChildJvm;
import dev.mailcheck.testing.CliRun;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 50 MB input limit of {@code dkim verify} holds in a small heap (issue 11 item 7): a signed
 * message just under the limit verifies in a child JVM with {@code -Xmx64m} whatever its line ends,
 * and input over the limit is one line on stderr with exit code 2, never a stack trace. Before the
 * body was streamed, a 48 MB LF message needed more than 192 MB of heap.
 */
class LargeMessageTest {
  static final KeyPair RSA = TestSigner.rsa(2048);
  static final long TARGET = 49L * 1000 * 1000;
  static final long MAX_BYTES = 50L * 1024 * 1024;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** One block of body lines with runs of whitespace and trailing whitespace for relaxed. */
  static final String LINES =
      ("The quick brown fox  jumps over\tthe lazy dog, 0123456789 \t\n"
              + "\n"
              + "  indented line with trailing blanks   \n"
              + "short\n")
          .repeat(256);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void aMessageJustUnderTheLimitVerifiesIn64MbOfHeap(String lineEnd) throws Exception {
    String eol =
        switch (lineEnd) {
          case "LF" -> "\n";
          case "CRLF" -> "\r\n";
          default -> "\r";
        };
    Path eml = tmp.resolve("big-" + lineEnd + ".eml");
    Path replay = tmp.resolve("dns.json");
    writeSignedMessage(eml, eol);
    writeReplay(replay);
    assertThat(Files.size(eml)).isBetween(TARGET, MAX_BYTES);

    ChildJvm.Result r =
        runChild(
            "-Xmx64m",
            "dkim",
            "verify",
            eml.toString(),
            "--dns-replay",
            replay.toString(),
            "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode sig = JSON.readTree(r.out()).get("dkim").get("signatures").get(0);
    assertThat(sig.get("result").asText()).as(sig.get("reason").asText()).isEqualTo("pass");
    assertThat(JSON.readTree(r.out()).get("dkim").get("lineEndingsConverted").asBoolean())
        .isEqualTo(!lineEnd.equals("CRLF"));
  }

  @Test
  void aFileOverTheLimitIsOneLineAndExit2WithoutAStackTrace() throws Exception {
    Path big = tmp.resolve("huge.eml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.write("From: a@example.com\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      f.setLength(MAX_BYTES + 1);
    }
    ChildJvm.Result r = runChild("-Xmx64m", "dkim", "verify", big.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo("mailcheck: " + big + ": larger than 50 MB; not a message to verify");
  }

  @Test
  void standardInputOverTheLimitIsOneLineAndExit2() {
    InputStream endless =
        new SequenceInputStream(
            new ByteArrayInputStream(
                "From: a@example.com\nSubject: x\n\n".getBytes(StandardCharsets.ISO_8859_1)),
            new InputStream() {
              long left = MAX_BYTES;

              @Override
              public int read() {
                return left-- > 0 ? 'x' : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
              }
            });
    CliRun r = withStdin(endless, "dkim", "verify", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo("mailcheck: standard input: larger than 50 MB; not a message to verify");
  }

  @Test
  void aHeaderSectionOverItsLimitIsOneLineAndExit2() {
    String huge =
        "From: a@example.com\nX-Long: " + "y".repeat(Limits.MESSAGE_HEADER_BYTES) + "\n\nbody\n";
    CliRun r =
        withStdin(
            new ByteArrayInputStream(huge.getBytes(StandardCharsets.ISO_8859_1)),
            "dkim",
            "verify",
            "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "mailcheck: standard input: the header section is larger than 1 MB; not a message to verify");
  }

  static CliRun withStdin(InputStream in, String... args) {
    var saved = System.in;
    try {
      System.setIn(in);
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }

  /**
   * Writes From/To/Subject, a relaxed/relaxed rsa-sha256 signature over them and a ~49 MB body,
   * every line ended with {@code eol}. The body hash is computed on the CRLF form, as a signer
   * does.
   */
  static void writeSignedMessage(Path eml, String eol) throws Exception {
    String header =
        "From: Big <big@example.com>\r\nTo: someone@example.net\r\nSubject: a large message\r\n";
    byte[] block = LINES.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] written = LINES.replace("\n", eol).getBytes(StandardCharsets.ISO_8859_1);
    long blocks = (TARGET - header.length()) / written.length + 1;
    BodyHashes hashes =
        new BodyHashes(
            List.of(new BodyHashes.Request(Canonicalization.RELAXED, "SHA-256", Long.MAX_VALUE)));
    for (long i = 0; i < blocks; i++) hashes.update(block, 0, block.length);
    String bh =
        Base64.getEncoder().encodeToString(hashes.finish().values().iterator().next().hash());

    String template =
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=big; t=1700000000; h=from:to:subject; bh="
            + bh
            + "; b=";
    DkimMessage head = DkimMessage.parse((header + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    DkimSignature sig =
        DkimSignature.parse(new DkimMessage.HeaderField("DKIM-Signature", template + "\r\n"));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(RSA.getPrivate());
    s.update(DkimVerifier.headerHashInput(head, sig).getBytes(StandardCharsets.ISO_8859_1));
    String signed = template + Base64.getEncoder().encodeToString(s.sign());

    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(eml), 1 << 16)) {
      out.write(
          (signed + "\r\n" + header + "\r\n")
              .replace("\r\n", eol)
              .getBytes(StandardCharsets.ISO_8859_1));
      for (long i = 0; i < blocks; i++) out.write(written);
    }
  }

  /** The key as a --dns-replay file (docs/dns.md), split into 255-octet TXT strings. */
  static void writeReplay(Path file) throws IOException {
    String record = TestSigner.keyRecord(RSA.getPublic());
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < record.length(); i += 255)
      strings.add("\"" + record.substring(i, Math.min(record.length(), i + 255)) + "\"");
    String name = "big._domainkey.example.com";
    var answer = JSON.createObjectNode();
    answer.put("name", name).put("type", "TXT").put("outcome", "NOERROR");
    answer
        .putArray("records")
        .addObject()
        .put("name", name)
        .put("type", "TXT")
        .put("ttl", 300)
        .put("data", String.join(" ", strings));
    answer.putArray("cnameChain");
    Files.writeString(file, JSON.createArrayNode().add(answer).toString());
  }

  /** Runs mailcheck's main class in a new JVM with the given heap flag, as a user would. */
  static ChildJvm.Result runChild(String heap, String... args) throws Exception {
    return ChildJvm.run(heap, 120, args);
  }
}
