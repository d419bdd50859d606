package dev.mailcheck.smtp;

import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for what an SMTP server sends: reply bytes, EHLO keywords, and certificate DER
 * (issue 19).
 */
class SmtpFuzzTest {
  /**
   * Reads replies until the bytes run out: each is a Reply or a typed failure, never anything else.
   */
  @FuzzTest
  void replyReader(byte[] data) throws Exception {
    List<Reply> replies = readAll(data);
    for (Reply r : replies) {
      assertThat(r.code()).isBetween(0, 999);
      assertThat(r.lines().size()).isBetween(1, Limits.REPLY_LINES);
      for (String line : r.lines()) {
        assertThat(line.length()).isLessThanOrEqualTo(Limits.REPLY_LINE);
        assertPrintable("reply line", line.replace('\t', ' '));
      }
    }
  }

  /** EHLO keywords: parse → lines() → parse gives the same keywords. */
  @FuzzTest
  void ehloExtensions(byte[] data) throws Exception {
    for (Reply r : readAll(data)) {
      Extensions e = Extensions.parse(r);
      List<String> lines = new ArrayList<>();
      lines.add(e.greeting());
      lines.addAll(e.lines());
      Extensions again = Extensions.parse(new Reply(r.code(), lines));
      assertThat(again.keywords()).isEqualTo(e.keywords());
      e.size();
      assertThat(e.authMechanisms()).doesNotHaveDuplicates();
    }
  }

  /** Any DER the JDK accepts as a certificate gives facts without an exception. */
  @FuzzTest
  void certificateFacts(byte[] data) {
    X509Certificate c;
    try {
      c =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(data));
    } catch (CertificateException | RuntimeException e) {
      return; // not a certificate: the TLS layer refuses it before we see it
    }
    CertificateFacts f = CertificateInspector.facts(c);
    assertThat(f.sha256()).hasSize(64);
    f.sans().forEach(s -> assertThat(s).startsWith(s.startsWith("IP:") ? "IP:" : "DNS:"));
    CertificateInspector.nameMatches(c, "mx.example.org");
    f.selfIssued();
  }

  static List<Reply> readAll(byte[] data) throws java.io.IOException {
    // an unconnected socket: the reader only sets its timeout; closed so that no descriptor leaks
    try (Socket socket = new Socket()) {
      return readAll(data, socket);
    }
  }

  private static List<Reply> readAll(byte[] data, Socket socket) {
    var transcript = new Transcript();
    var reader = new ReplyReader(new ByteArrayInputStream(data), socket, transcript);
    List<Reply> out = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        out.add(reader.read(Phase.EHLO, deadline));
      } catch (ProbeException e) {
        Failure.Kind k = e.failure().kind();
        assertThat(k)
            .isIn(
                Failure.Kind.CLOSED,
                Failure.Kind.LINE_TOO_LONG,
                Failure.Kind.REPLY_TOO_LARGE,
                Failure.Kind.MALFORMED_REPLY);
        assertPrintable("failure detail", e.failure().detail().replace('\t', ' '));
        break;
      }
    }
    for (String line : transcript.lines()) {
      assertThat(line.length()).isLessThanOrEqualTo(Limits.TRANSCRIPT_LINE_CHARS + 40);
      assertPrintable("transcript line", line.replace('\t', ' '));
    }
    return out;
  }
}
