package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyAndExtensionsTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "535 | 5.7.8 Error: authentication failed      | 5.7.8 | 535 5.7.8: authentication credentials invalid (permanent failure)",
        "454 | 4.7.0 TLS not available                 | 4.7.0 | 454 4.7.0: other or undefined security status (persistent transient failure)",
        "250 | 2.1.0 Ok                                | 2.1.0 | 250 2.1.0: other address status (success)",
        "550 | 4.7.1 class does not match the code     | -     | 550: mailbox unavailable or action refused by policy",
        "421 | mx Service not available                | -     | 421: service not available, closing the connection (temporary)",
        "554 | 5.7.1 Relay access denied               | 5.7.1 | 554 5.7.1: delivery not authorized, message refused (permanent failure)",
        "599 | weird                                   | -     | 599: permanent failure",
      })
  void replyCodesAreExplainedInWords(int code, String text, String enhanced, String explained) {
    Reply r = new Reply(code, List.of(text));
    assertThat(r.enhancedCode().orElse(null)).isEqualTo(enhanced);
    assertThat(r.explained()).isEqualTo(explained);
  }

  @Test
  void ehloExtensionsAreParsedWithParameters() {
    Reply ehlo =
        new Reply(
            250,
            List.of(
                "mx.example Hello [192.0.2.1]",
                "PIPELINING",
                "SIZE 35882577",
                "auth PLAIN LOGIN",
                "AUTH=PLAIN XOAUTH2",
                "STARTTLS",
                "ENHANCEDSTATUSCODES",
                "8BITMIME",
                "DSN",
                "SMTPUTF8",
                "CHUNKING",
                "REQUIRETLS"));
    Extensions e = Extensions.parse(ehlo);
    assertThat(e.greeting()).isEqualTo("mx.example Hello [192.0.2.1]");
    assertThat(e.size()).hasValue(35882577);
    assertThat(e.authMechanisms()).containsExactly("PLAIN", "LOGIN", "XOAUTH2");
    assertThat(e.keywords().keySet())
        .containsExactly(
            "PIPELINING",
            "SIZE",
            "AUTH",
            "STARTTLS",
            "ENHANCEDSTATUSCODES",
            "8BITMIME",
            "DSN",
            "SMTPUTF8",
            "CHUNKING",
            "REQUIRETLS");
    assertThat(e.has("starttls")).isTrue();
    assertThat(e.helo()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"SIZE,0", "SIZE 0,0", "SIZE 1000,1000"})
  void sizeWithoutLimit(String line, long expected) {
    assertThat(Extensions.parse(new Reply(250, List.of("mx", line))).size()).hasValue(expected);
  }

  @Test
  void unparsableSizeIsEmpty() {
    assertThat(Extensions.parse(new Reply(250, List.of("mx", "SIZE lots"))).size()).isEmpty();
    assertThat(Extensions.parse(new Reply(250, List.of("mx"))).size()).isEmpty();
  }

  @Test
  void controlCharactersAndBidiOverridesAreNotPrinted() {
    String s =
        ReplyReader.printable(
            "220 \u001b[31mred\u202e\u0007".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(s)
        .doesNotContain("\u001b")
        .doesNotContain("\u202e")
        .doesNotContain("\u0007")
        .contains("[31mred");
  }

  @Test
  void secretsNeverShowInToString() {
    var req = new AuthRequest("alice", Secret.of("pw123"), java.util.Optional.empty(), false);
    assertThat(req.toString()).doesNotContain("pw123");
    assertThat(Secret.of("pw123").toString()).isEqualTo("<redacted>");
  }
}
