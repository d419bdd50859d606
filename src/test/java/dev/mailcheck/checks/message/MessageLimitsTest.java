package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.MessageInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Message caps at cap−1, cap and cap+1 (issue 19): the header section's size ({@link
 * Limits#MESSAGE_HEADER_BYTES}, the empty line included), results per Authentication-Results field
 * ({@link Limits#AUTH_RESULTS_PER_FIELD}) and recipients per DSN ({@link Limits#DSN_RECIPIENTS}).
 */
class MessageLimitsTest {
  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void headerSectionSize(int delta) throws Exception {
    int size = Limits.MESSAGE_HEADER_BYTES + delta;
    String end = "\r\n\r\n";
    String head = "X-Fill: " + "f".repeat(size - "X-Fill: ".length() - end.length()) + end;
    assertThat(head).hasSize(size);
    var in = new ByteArrayInputStream((head + "body\r\n").getBytes(StandardCharsets.ISO_8859_1));
    if (delta <= 0) {
      MessageInput m = MessageInput.read(in);
      assertThat(m.headerEnded()).isTrue();
      assertThat(m.headers()).hasSize(1);
    } else {
      assertThatThrownBy(() -> MessageInput.read(in))
          .isInstanceOf(MessageInput.HeaderTooLargeException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void resultsPerAuthenticationResultsField(int delta) {
    int n = Limits.AUTH_RESULTS_PER_FIELD + delta;
    String value = "mx.example.org; " + "spf=pass smtp.mailfrom=a@example.org; ".repeat(n);
    AuthResults r = AuthResults.parse(value);
    assertThat(r.entries()).hasSize(Math.min(n, Limits.AUTH_RESULTS_PER_FIELD));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void recipientsPerDsn(int delta) {
    int n = Limits.DSN_RECIPIENTS + delta;
    StringBuilder sb = new StringBuilder("Reporting-MTA: dns; mx.example.org\r\n");
    for (int i = 0; i < n; i++)
      sb.append("\r\nFinal-Recipient: rfc822; u")
          .append(i)
          .append("@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n");
    assertThat(Dsn.parse(sb.toString()).recipients()).hasSize(Math.min(n, Limits.DSN_RECIPIENTS));
  }

  private static MessageHeaders headers(String fields) throws Exception {
    MessageInput in =
        MessageInput.read(
            new ByteArrayInputStream(
                (fields + "From: a@example.org\r\n\r\nbody\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
    return MessageHeaders.read(in.headers(), in.headerEnded());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void receivedFieldsAnalysed(int delta) throws Exception {
    int n = Limits.RECEIVED_FIELDS + delta;
    MessageHeaders h =
        headers(
            "Received: from a.example.org by b.example.org; Tue, 9 Apr 2024 10:00:00 +0000\r\n"
                .repeat(n));
    assertThat(h.receivedTotal()).isEqualTo(n);
    assertThat(h.received()).hasSize(Math.min(n, Limits.RECEIVED_FIELDS));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void authenticationResultsFieldsRead(int delta) throws Exception {
    int n = Limits.AUTH_RESULTS_FIELDS + delta;
    MessageHeaders h =
        headers(
            "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=a@example.org\r\n"
                .repeat(n));
    assertThat(h.authResults()).hasSize(Math.min(n, Limits.AUTH_RESULTS_FIELDS));
  }
}
