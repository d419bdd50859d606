package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  static Report report(Status s) {
    return new Report(
        "domain",
        "a.example",
        List.of(Finding.of(FindingId.DMARC_POLICY, s, "x").build()),
        List.of());
  }

  @Test
  void showsDoneOfTotalRateEtaAndFailuresAndErasesItselfOnClose() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), OptionalLong.of(4))) {
      bar.started(3);
      bar.written(report(Status.PASS));
      bar.written(report(Status.FAIL));
      assertThat(bar.line())
          .startsWith("[############............] 2/4")
          .contains("ETA ", "/s", "1 failing");
    }
    assertThat(err.toString()).endsWith("\r\u001b[K");
  }

  @Test
  void withoutATotalShowsDoneAndRunning() {
    try (ProgressBar bar =
        ProgressBar.start(new PrintWriter(new StringWriter()), OptionalLong.empty())) {
      bar.started(5);
      bar.written(report(Status.WARN));
      assertThat(bar.line()).startsWith("1 done, 4 running").contains("0 failing");
    }
  }
}
