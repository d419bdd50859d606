package dev.mailcheck.checks.postfix.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The log line cap ({@link Limits#POSTFIX_LOG_LINE} octets) at cap−1, cap and cap+1 (issue 19). */
class LogLimitsTest {
  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void lineLength(int delta) throws Exception {
    int n = Limits.POSTFIX_LOG_LINE + delta;
    byte[] log = ("a".repeat(n) + "\nnext\n").getBytes(StandardCharsets.US_ASCII);
    try (var r = new BoundedLineReader(new ByteArrayInputStream(log))) {
      String first = r.next();
      assertThat(first).hasSize(Math.min(n, Limits.POSTFIX_LOG_LINE));
      assertThat(r.overlong()).isEqualTo(delta > 0);
      assertThat(r.next()).isEqualTo("next");
      assertThat(r.overlong()).isFalse();
    }
  }
}
