package dev.mailcheck.checks.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBuilderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T21:30:00Z"), ZoneOffset.UTC);

  static MessageBuilder builder() {
    return new MessageBuilder(CLOCK, new Random(7))
        .from("a@sender.test")
        .to(List.of("b@rcpt.test"));
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void plainMessageHasDateMessageIdAndCrlf() {
    String m = text(builder().subject("hello").body("line one\nline two\n").build());
    assertThat(m)
        .startsWith(
            "Date: Fri, 4 Dec 2026 21:30:00 +0000\r\nFrom: a@sender.test\r\nTo: b@rcpt.test\r\nSubject: hello\r\n")
        .containsPattern("\r\nMessage-ID: <[0-9a-f]{24}@sender\\.test>\r\n")
        .contains("MIME-Version: 1.0\r\n", "Content-Transfer-Encoding: 7bit\r\n")
        .endsWith("\r\n\r\nline one\r\nline two\r\n");
    assertThat(m.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void nonAsciiSubjectIsEncodedAndBodyIsQuotedPrintable() {
    String m = text(builder().subject("Grüße").body("Grüße aus Köln = schön\n").build());
    assertThat(m)
        .contains(
            "Subject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("Grüße".getBytes(StandardCharsets.UTF_8))
                + "?=");
    assertThat(m)
        .contains(
            "Content-Transfer-Encoding: quoted-printable",
            "Gr=C3=BC=C3=9Fe aus K=C3=B6ln =3D sch=C3=B6n\r\n");
    assertThat(m.chars().allMatch(c -> c < 0x80)).isTrue();
  }

  @Test
  void eightBitBodyStaysUtf8() {
    byte[] m = builder().body("Grüße\n").eightBit(true).build();
    assertThat(text(m)).contains("Content-Transfer-Encoding: 8bit", "\r\n\r\nGrüße\r\n");
  }

  @Test
  void attachmentsMakeMultipartMixedWithBase64() {
    byte[] pdf = new byte[200];
    new Random(1).nextBytes(pdf);
    String m =
        text(
            builder()
                .body("see attached\n")
                .attach(new MessageBuilder.Attachment("report.pdf", "application/pdf", pdf))
                .attach(
                    new MessageBuilder.Attachment(
                        "bericht-ä.txt", "text/plain", "x".getBytes(StandardCharsets.US_ASCII)))
                .build());
    assertThat(m)
        .containsPattern("Content-Type: multipart/mixed; boundary=\"(=_mailcheck_[0-9a-f]+)\"");
    assertThat(m).contains("filename=\"report.pdf\"", "filename*=UTF-8''bericht-%C3%A4.txt");
    String b64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(pdf);
    assertThat(m).contains(b64);
    assertThat(m.trim()).endsWith("--");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"X-Test: a\r\nBcc: victim@example.org", "X-Test: a\nBcc: x", "X-Test: a\rb"})
  void headerWithCrOrLfIsRefused(String header) {
    assertThatThrownBy(() -> builder().header(header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
  }

  @Test
  void subjectWithLineBreakIsRefused() {
    assertThatThrownBy(() -> builder().subject("hi\r\nBcc: x@example.org"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no colon", ": empty name", "Bad Name: x"})
  void malformedHeaderIsRefused(String header) {
    assertThatThrownBy(() -> builder().header(header)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotedPrintableBreaksLongLinesSoftly() {
    byte[] line = ("é".repeat(100) + "\r\n").getBytes(StandardCharsets.UTF_8);
    String qp = QuotedPrintable.encode(line);
    for (String l : qp.split("\r\n")) assertThat(l.length()).isLessThanOrEqualTo(76);
    assertThat(qp).contains("=\r\n");
  }
}
