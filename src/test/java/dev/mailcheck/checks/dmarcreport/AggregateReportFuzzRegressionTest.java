package dev.mailcheck.checks.dmarcreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzz target of {@link AggregateReportFuzzTest} found (issue 19), kept as named cases.
 */
class AggregateReportFuzzRegressionTest {
  @Test
  void anXmlErrorQuotingTabsIsAOneLinePrintableReason() {
    byte[] xml = "<?xml version=\"\t\t1.0\"?><feedback/>".getBytes(StandardCharsets.US_ASCII);
    ParseOutcome o =
        AggregateReportParser.parse(
            new ByteArrayInputStream(xml),
            new ReportSink() {
              @Override
              public boolean begin(ReportMeta meta) {
                return true;
              }

              @Override
              public void row(ReportRow row) {}
            });
    assertThat(o)
        .isInstanceOfSatisfying(
            ParseOutcome.Skipped.class,
            s -> assertThat(s.reason()).doesNotContain("\t").contains("U+0009"));
  }
}
