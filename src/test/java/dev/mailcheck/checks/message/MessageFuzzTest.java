package dev.mailcheck.checks.message;

import static dev.mailcheck.fuzz.FuzzAssertions.assertBounded;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.checks.Limits;

/** Fuzz targets for trace fields and bounce reports of a message (issue 19). */
class MessageFuzzTest {
  @FuzzTest
  void receivedField(byte[] data) {
    String value = latin1(data);
    ReceivedField f = ReceivedParser.parse(value);
    assertThat(f.raw()).isNotNull();
    long out =
        f.fromName().length()
            + f.fromRdns().length()
            + f.helo().length()
            + f.by().length()
            + f.with().length()
            + f.id().length()
            + f.forAddress().length()
            + f.envelopeFrom().length()
            + f.comments().stream().mapToLong(String::length).sum();
    assertBounded("received parts", out, value.length(), 2);
    assertThat(ReceivedParser.parse(value)).isEqualTo(f);
  }

  @FuzzTest
  void authenticationResults(byte[] data) {
    String value = latin1(data);
    AuthResults r = AuthResults.parse(value);
    assertThat(r.entries().size()).isLessThanOrEqualTo(Limits.AUTH_RESULTS_PER_FIELD);
    assertThat(r.unparsed()).isGreaterThanOrEqualTo(0);
    for (AuthResults.Entry e : r.entries()) {
      assertThat(e.method()).isEqualTo(e.method().toLowerCase(java.util.Locale.ROOT));
      assertThat(e.result()).isEqualTo(e.result().toLowerCase(java.util.Locale.ROOT));
      assertThat(e.method()).doesNotContain(";");
    }
    assertThat(AuthResults.parse(value)).isEqualTo(r);
  }

  @FuzzTest
  void deliveryStatus(byte[] data) {
    String text = latin1(data);
    Dsn d = Dsn.parse(text);
    assertThat(d.recipients().size()).isLessThanOrEqualTo(Limits.DSN_RECIPIENTS);
    for (Dsn.Recipient r : d.recipients()) {
      assertThat(r.smtpCode()).matches(c -> c == 0 || (c >= 200 && c < 600));
      r.failed();
    }
    Dsn.parsePlain(text)
        .ifPresent(
            p -> assertThat(p.recipients().size()).isLessThanOrEqualTo(Limits.DSN_RECIPIENTS));
  }
}
