package dev.mailcheck.checks.dmarcreport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text caps of report reading at cap−1, cap and cap+1 (issue 19): one line of a report mail
 * ({@link Limits#REPORT_LINE}), one XML element's text ({@link Limits#REPORT_ELEMENT_TEXT}) and the
 * problems listed per report ({@link Limits#REPORT_PROBLEMS}, also the reporter's own errors kept)
 * and the override reasons and auth results kept per record ({@link Limits#REPORT_RECORD_ENTRIES}).
 */
class ReportTextLimitsTest {

  private static List<String> lines(String input, boolean mbox) throws IOException {
    LineReader r =
        new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), mbox);
    List<String> out = new ArrayList<>();
    for (String l; (l = r.next()) != null; ) out.add(l);
    return out;
  }

  @ParameterizedTest(name = "{0} bytes over the cap, line end {1}")
  @ValueSource(ints = {-1, 0, 1})
  void aLineUpToTheCapComesBackWhole(int delta) throws IOException {
    int len = Limits.REPORT_LINE + delta;
    String line = "x".repeat(len);
    for (String end : List.of("\n", "\r\n")) {
      List<String> got = lines(line + end + "next" + end, false);
      if (delta <= 0) {
        assertThat(got).as("line end %s", end.length()).containsExactly(line, "next");
      } else {
        assertThat(got)
            .as("line end %s", end.length())
            .containsExactly(line.substring(0, Limits.REPORT_LINE), "x", "next");
      }
    }
  }

  /** A line of exactly the cap is no empty line in disguise: an mbox message goes on after it. */
  @ParameterizedTest(name = "{0} bytes over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void aLineAtTheCapDoesNotEndAnMboxMessage(int delta) throws IOException {
    String line = "x".repeat(Limits.REPORT_LINE + delta);
    List<String> got = lines("Subject: a\n" + line + "\nFrom the body\nlast\n", true);
    assertThat(got).endsWith("From the body", "last");
  }

  private static String report(String orgName, int errors, int recordsWithoutCount) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<feedback><report_metadata>");
    x.append("<org_name>").append(orgName).append("</org_name>");
    x.append("<report_id>r1</report_id>");
    for (int i = 1; i <= errors; i++) x.append("<error>error ").append(i).append("</error>");
    x.append("</report_metadata><policy_published><domain>example.com</domain>");
    x.append("</policy_published>");
    for (int i = 0; i < recordsWithoutCount; i++)
      x.append("<record><row><source_ip>192.0.2.1</source_ip></row></record>");
    return x.append("</feedback>\n").toString();
  }

  private static ParseOutcome.Read parse(String xml) {
    return parse(xml, new ArrayList<>());
  }

  private static ParseOutcome.Read parse(String xml, List<ReportRow> rows) {
    ParseOutcome o =
        AggregateReportParser.parse(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
            new ReportSink() {
              @Override
              public boolean begin(ReportMeta meta) {
                return true;
              }

              @Override
              public void row(ReportRow row) {
                rows.add(row);
              }
            });
    assertThat(o).isInstanceOf(ParseOutcome.Read.class);
    ParseOutcome.Read read = (ParseOutcome.Read) o;
    assertThat(rows).hasSize((int) read.records());
    return read;
  }

  @ParameterizedTest(name = "{0} characters over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void elementTextIsKeptUpToTheCap(int delta) {
    String org = "o".repeat(Limits.REPORT_ELEMENT_TEXT - 1) + "é".repeat(1 + delta);
    ParseOutcome.Read read = parse(report(org, 0, 0));
    String kept = org.substring(0, Math.min(org.length(), Limits.REPORT_ELEMENT_TEXT));
    assertThat(read.meta().orgName())
        .isEqualTo(kept)
        .hasSizeLessThanOrEqualTo(Limits.REPORT_ELEMENT_TEXT);
  }

  @ParameterizedTest(name = "{0} problems over the cap")
  @ValueSource(ints = {-1, 0, 1, 2})
  void problemsAreListedUpToTheCapAndTheRestCounted(int delta) {
    int n = Limits.REPORT_PROBLEMS + delta;
    ParseOutcome.Read read = parse(report("Org", 0, n));
    assertThat(read.records()).isEqualTo(n);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= Math.min(n, Limits.REPORT_PROBLEMS); i++)
      expected.add("record " + i + ": no count; counted as 1");
    if (delta > 0) expected.add("... and " + delta + " more problems");
    assertThat(read.problems()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0} errors over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void reporterErrorsAreKeptUpToTheCap(int delta) {
    int n = Limits.REPORT_PROBLEMS + delta;
    ParseOutcome.Read read = parse(report("Org", n, 0));
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= Math.min(n, Limits.REPORT_PROBLEMS); i++) expected.add("error " + i);
    assertThat(read.meta().errors()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0} entries over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void entriesPerRecordAreKeptUpToTheCap(int delta) {
    int n = Limits.REPORT_RECORD_ENTRIES + delta;
    StringBuilder record = new StringBuilder("<record><row><source_ip>192.0.2.1</source_ip>");
    record.append("<count>1</count><policy_evaluated>");
    for (int i = 1; i <= n; i++)
      record.append("<reason><type>r").append(i).append("</type></reason>");
    record.append("</policy_evaluated></row><auth_results>");
    for (int i = 1; i <= n; i++)
      record
          .append("<dkim><domain>d")
          .append(i)
          .append(".example</domain><result>pass</result></dkim>");
    for (int i = 1; i <= n; i++)
      record
          .append("<spf><domain>s")
          .append(i)
          .append(".example</domain><result>pass</result></spf>");
    record.append("</auth_results></record>");
    String xml = report("Org", 0, 0).replace("</feedback>", record + "</feedback>");
    List<ReportRow> rows = new ArrayList<>();
    assertThat(parse(xml, rows).problems()).isEmpty();
    assertThat(rows).hasSize(1);
    int kept = Math.min(n, Limits.REPORT_RECORD_ENTRIES);
    ReportRow row = rows.get(0);
    assertThat(row.overrides()).hasSize(kept).endsWith("r" + kept);
    assertThat(row.dkimResults()).hasSize(kept);
    assertThat(row.dkimResults().get(kept - 1).domain()).isEqualTo("d" + kept + ".example");
    assertThat(row.spfResults()).hasSize(kept);
    assertThat(row.spfResults().get(kept - 1).domain()).isEqualTo("s" + kept + ".example");
  }
}
