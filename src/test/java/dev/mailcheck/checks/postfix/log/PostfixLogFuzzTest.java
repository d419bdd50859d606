package dev.mailcheck.checks.postfix.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.report.view.PostfixLogView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target for Postfix log lines: bytes → bounded lines → syslog fields → the aggregator with
 * small caps, so that the caps themselves are exercised (issue 19).
 */
class PostfixLogFuzzTest {
  private static final LogAggregator.Limits SMALL = new LogAggregator.Limits(8, 4, 4);

  @FuzzTest
  void logLines(byte[] data) throws IOException {
    var agg = new LogAggregator(SMALL, Optional.empty(), Optional.empty(), Optional.empty());
    var line = new SyslogLine(ZoneOffset.UTC, 2026, 6);
    long lines = 0;
    try (var r = new BoundedLineReader(new ByteArrayInputStream(data))) {
      String text;
      while ((text = r.next()) != null) {
        lines++;
        assertThat(text.length()).isLessThanOrEqualTo(Limits.POSTFIX_LOG_LINE);
        if (r.binary()) continue;
        if (line.parse(text)) {
          assertThat(text).contains(line.host).contains(line.program).contains(line.message);
          agg.accept(line);
        }
      }
      assertThat(r.bytesRead()).isEqualTo(data.length);
    }
    assertThat(lines).isLessThanOrEqualTo(data.length);
    PostfixLogView v = agg.snapshot(List.of("fuzz.log"), List.of());
    assertThat(v.recipientDomains().size()).isLessThanOrEqualTo(SMALL.tableKeys() + 1);
    assertThat(v.relays().size()).isLessThanOrEqualTo(SMALL.tableKeys() + 1);
    assertThat(v.senderDomains().size()).isLessThanOrEqualTo(SMALL.tableKeys() + 1);
  }
}
