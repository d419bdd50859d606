package dev.mailcheck.checks.dmarcreport;

import static dev.mailcheck.fuzz.FuzzAssertions.assertAllPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Fuzz target for DMARC aggregate report XML (RFC 7489 Appendix C), issue 19. */
class AggregateReportFuzzTest {
  @FuzzTest
  void aggregateReport(byte[] data) {
    List<ReportRow> rows = new ArrayList<>();
    int[] begun = {0};
    ReportSink sink =
        new ReportSink() {
          @Override
          public boolean begin(ReportMeta meta) {
            begun[0]++;
            return true;
          }

          @Override
          public void row(ReportRow row) {
            rows.add(row);
          }
        };
    ParseOutcome o = AggregateReportParser.parse(new ByteArrayInputStream(data), sink);
    switch (o) {
      case ParseOutcome.Read read -> {
        assertThat(read.problems().size()).isLessThanOrEqualTo(Limits.REPORT_PROBLEMS + 1);
        assertAllPrintable("report problem", read.problems());
        // a record whose source_ip is no address is counted, reported and skipped
        assertThat((long) rows.size()).isLessThanOrEqualTo(read.records());
        if (rows.size() < read.records() && read.problems().size() < Limits.REPORT_PROBLEMS)
          assertThat(read.problems()).anySatisfy(p -> assertThat(p).contains("skipped"));
        // a <record> needs far more than 20 octets of XML
        assertThat(rows.size()).isLessThanOrEqualTo(data.length / 20 + 1);
      }
      case ParseOutcome.Skipped s -> {
        assertPrintable("skip reason", s.reason());
        assertThat(rows).isEmpty();
      }
    }
    assertThat(begun[0]).isLessThanOrEqualTo(1);
  }
}
