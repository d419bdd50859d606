package dev.mailcheck.cli;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import dev.mailcheck.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailcheck dmarc report} in-process: exit codes, text, JSON (schema), CSV. */
class DmarcReportCommandIT {
  @TempDir Path tmp;

  static final Path FIXTURES =
      ProjectPaths.basedir().resolve("src/test/resources/dev/mailcheck/checks/dmarcreport");

  @Test
  void jsonValidatesAndCarriesTheSourcesTable() {
    CliRun r =
        CliRun.of(
            "--json",
            "dmarc",
            "report",
            FIXTURES.resolve("google.xml").toString(),
            FIXTURES.resolve("yahoo.xml").toString(),
            FIXTURES.resolve("microsoft.xml").toString());
    JsonNode j = r.json();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(j.path("command").asText()).isEqualTo("dmarc report");
    assertThat(j.path("dmarcReport").path("reports").asInt()).isEqualTo(3);
    assertThat(j.path("dmarcReport").path("sources").get(0).path("ip").asText())
        .isEqualTo("192.0.2.10");
    assertThat(worst(j))
        .containsEntry("dmarc-report.unaligned-source", "warn")
        .containsEntry("dmarc-report.spoofing", "warn");
  }

  @Test
  void csvIsTheSourcesTable() {
    CliRun r =
        CliRun.of("--format", "csv", "dmarc", "report", FIXTURES.resolve("google.xml").toString());
    assertThat(r.exitCode()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("source_ip,ptr,provider,classification,messages,");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("192.0.2.10,,,aligned,120,120,0,");
  }

  @Test
  void textSkipsWhatIsNotAReportAndFailOnWarnGates() {
    CliRun r = CliRun.of("--no-color", "--fail-on", "warn", "dmarc", "report", FIXTURES.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("DMARC AGGREGATE REPORTS  5 reports")
        .contains("refused: the XML has a DOCTYPE")
        .contains("Not ready for p=quarantine");
  }

  @Test
  void noReportAtAllIsAnInputError() throws Exception {
    Path f = tmp.resolve("notes.txt");
    Files.writeString(f, "hello\n");
    CliRun r = CliRun.of("dmarc", "report", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "mailcheck: no DMARC aggregate report in the input (1 input skipped: "
                + f
                + ": not a report: neither XML, gzip, zip nor an e-mail message)");
    CliRun missing = CliRun.of("dmarc", "report", tmp.resolve("nope.xml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void theDomainCommandStillWorksBesideTheSubcommand() {
    CliRun r = CliRun.of("dmarc");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("a DOMAIN is required (or use 'mailcheck dmarc report FILE...')");
  }
}
