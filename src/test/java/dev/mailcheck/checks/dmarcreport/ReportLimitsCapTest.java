package dev.mailcheck.checks.dmarcreport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nesting caps of report inputs at cap−1, cap and cap+1 (issue 19): containers inside
 * containers ({@link Limits#REPORT_CONTAINER_NESTING}, a gzip in a gzip ...) and multiparts inside
 * multiparts in a report mail ({@link Limits#REPORT_MIME_DEPTH}). Within the cap the report is
 * read; one level deeper it is skipped with a reason, never a crash or a deep recursion.
 */
class ReportLimitsCapTest {
  @TempDir Path tmp;

  private DmarcReportFacts read(String name, byte[] input) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, input);
    return DmarcReportCheck.read(
        new DmarcReportCheck.Query(List.of(f), false, ReportLimits.defaults()));
  }

  @ParameterizedTest(name = "{0} levels over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void containersInsideContainers(int delta) throws IOException {
    int levels = Limits.REPORT_CONTAINER_NESTING + delta;
    byte[] data = ReportFixtures.xml("google.xml");
    for (int i = 0; i < levels; i++) data = ReportFixtures.gzip(data);
    DmarcReportFacts facts = read("report.xml" + ".gz".repeat(levels), data);
    if (delta <= 0) {
      assertThat(facts.reports()).isEqualTo(1);
    } else {
      assertThat(facts.reports()).isZero();
      assertThat(facts.inputs())
          .anyMatch(n -> n.reason().equals("refused: containers nested more than 4 deep"));
    }
  }

  @ParameterizedTest(name = "{0} multiparts over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void multipartsInsideMultiparts(int delta) throws IOException {
    int levels = Limits.REPORT_MIME_DEPTH + delta;
    String b64 = googleReportBase64();
    StringBuilder mail =
        new StringBuilder(
            "From: noreply-dmarc-support@google.com\r\nSubject: Report Domain: example.com\r\nMIME-Version: 1.0\r\n");
    for (int i = 0; i < levels; i++)
      mail.append("Content-Type: multipart/mixed; boundary=\"b")
          .append(i)
          .append("\"\r\n\r\n--b")
          .append(i)
          .append("\r\n");
    mail.append(
            "Content-Type: application/gzip; name=\"report.xml.gz\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"report.xml.gz\"\r\n\r\n")
        .append(b64)
        .append("\r\n");
    for (int i = levels - 1; i >= 0; i--) mail.append("--b").append(i).append("--\r\n");
    DmarcReportFacts facts =
        read("report.eml", mail.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(facts.reports()).isEqualTo(delta <= 0 ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} header fields over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void headerFieldsOfAPart(int delta) throws IOException {
    int fields = Limits.REPORT_MIME_HEADER_FIELDS + delta;
    String b64 = googleReportBase64();
    StringBuilder mail =
        new StringBuilder(
            "From: noreply-dmarc-support@google.com\r\nSubject: Report Domain: example.com\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: application/gzip; name=\"report.xml.gz\"\r\n"
                + "Content-Disposition: attachment; filename=\"report.xml.gz\"\r\n");
    // the last field, Content-Transfer-Encoding, is the one past the cap at cap+1
    for (int i = 6; i < fields; i++) mail.append("X-Filler-").append(i).append(": x\r\n");
    mail.append("Content-Transfer-Encoding: base64\r\n\r\n").append(b64).append("\r\n");
    DmarcReportFacts facts =
        read("report.eml", mail.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(facts.reports()).isEqualTo(delta <= 0 ? 1 : 0);
  }

  /** Google's report, gzipped and base64-encoded, as a mail attaches it. */
  private static String googleReportBase64() {
    return ReportFixtures.base64Lines(ReportFixtures.gzip(ReportFixtures.xml("google.xml")));
  }
}
