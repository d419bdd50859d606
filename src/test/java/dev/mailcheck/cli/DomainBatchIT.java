package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import dev.mailcheck.testing.ReportSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailcheck domain D1 D2 ...} and {@code --from-file}: the many-domain run end to end. */
class DomainBatchIT {
  @AutoClose static TestDnsServer dns;
  static final int ZONES = 12;

  @BeforeAll
  static void start() throws Exception {
    dns = TestDnsServer.start();
    for (int i = 1; i <= ZONES; i++) {
      // even zones publish DMARC p=reject, odd ones have none
      String dmarc = i % 2 == 0 ? "_dmarc TXT \"v=DMARC1; p=reject\"\n" : "";
      dns.zone("z" + i + ".test", "@ MX 10 mx.shared.test.\n@ TXT \"v=spf1 mx -all\"\n" + dmarc);
    }
    dns.zone("shared.test", "mx A 127.0.0.1\n");
  }

  static CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--no-smtp", "--no-blocklist", "--allow-private", "--quiet"));
    return CliRun.withResolver(dns.address(), "3s", all.toArray(String[]::new));
  }

  static List<String> zones() {
    return IntStream.rangeClosed(1, ZONES).mapToObj(i -> "z" + i + ".test").toList();
  }

  @Test
  void ndjsonHasOneValidReportPerDomainInInputOrder(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("domains.txt");
    Files.writeString(list, "# clients\n" + String.join("\n", zones().reversed()) + "\n\n");
    CliRun r = run("domain", "--from-file", list.toString(), "--format", "ndjson");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(ZONES);
    List<String> targets = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = ReportSchema.assertValid(line);
      targets.add(n.get("target").asText());
      assertThat(n.get("command").asText()).isEqualTo("domain");
      assertThat(n.has("grade")).isTrue();
    }
    assertThat(targets).containsExactlyElementsOf(zones().reversed());
    // odd zones have no DMARC record: a failure, so the run's exit code is 1
    assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aBadLineIsReportedAsAnErrorAndTheRunGoesOn(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("domains.txt");
    Files.writeString(list, "z2.test\n192.0.2.1\nz4.test\n");
    CliRun r = run("domain", "--from-file", list.toString(), "--format", "ndjson");
    List<JsonNode> reports = r.out().lines().map(ReportSchema::assertValid).toList();
    assertThat(reports)
        .extracting(n -> n.get("target").asText())
        .containsExactly("z2.test", "192.0.2.1", "z4.test");
    JsonNode bad = reports.get(1);
    assertThat(bad.get("status").asText()).isEqualTo("error");
    assertThat(bad.get("incomplete").asBoolean()).isTrue();
    assertThat(bad.get("findings").get(0).get("id").asText()).isEqualTo("domain.error");
    assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void csvHasAHeaderAndOneRowPerDomain() {
    CliRun r = run("domain", "z2.test", "z3.test", "--format", "csv");
    List<String> rows = r.out().lines().toList();
    assertThat(rows.get(0)).startsWith("domain,status,grade,score,mx,smtp,spf,dkim,dmarc");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("z2.test,");
    assertThat(rows.get(2)).startsWith("z3.test,").contains("dmarc.present");
  }

  @Test
  void textEndsWithTheSummary() {
    CliRun r = run("domain", "z2.test", "z3.test", "z4.test", "--unordered");
    assertThat(r.out()).contains("z2.test", "z3.test", "z4.test");
    assertThat(r.out()).contains("3 domains checked in", "grades: ", "most common failures:");
    assertThat(r.out()).containsPattern("1 +dmarc.present");
  }

  @Test
  void jsonIsOneBatchDocumentWithTheSummary() throws Exception {
    CliRun r = run("domain", "z2.test", "z4.test", "--format", "json");
    JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(doc.get("schema").asText()).isEqualTo("mailcheck.batch/v1");
    assertThat(doc.get("reports")).hasSize(2);
    for (JsonNode rep : doc.get("reports")) ReportSchema.assertValid(rep.toString());
    assertThat(doc.get("summary").get("written").asLong()).isEqualTo(2);
  }

  @Test
  void theSummaryGoesToStderrForNdjsonUnlessQuiet() {
    CliRun r =
        CliRun.withResolver(
            dns.address(),
            "3s",
            "domain",
            "z2.test",
            "z4.test",
            "--no-smtp",
            "--no-blocklist",
            "--allow-private",
            "--format",
            "ndjson");
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.err()).contains("2 domains checked in", "grades: ", "status: ");
  }

  @Test
  void badBatchOptionsAreUsageErrors(@TempDir Path dir) {
    assertThat(run("domain", "z2.test", "z4.test", "--concurrency", "0").exitCode())
        .isEqualTo(ExitCode.USAGE);
    CliRun missing = run("domain", "--from-file", dir.resolve("nope.txt").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("no such file");
    assertThat(run("domain", "z2.test", "192.0.2.1").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void expectReportsDriftNamingExpectedAndActual(@TempDir Path dir) throws Exception {
    Path expect = dir.resolve("mailcheck.yml");
    Files.writeString(
        expect,
        """
        domains:
          z2.test:
            mx: [mx.shared.test]
            spf: {all: fail}
            dmarc: {policy: reject}
          z3.test:
            mx: [mx1.z3.test]
            dmarc: {policy: quarantine}
        """);
    CliRun r =
        run("domain", "z2.test", "z3.test", "--expect", expect.toString(), "--format", "ndjson");
    List<JsonNode> reports = r.out().lines().map(ReportSchema::assertValid).toList();
    JsonNode z2 = reports.get(0);
    assertThat(finding(z2, "expect.mx").get("status").asText()).isEqualTo("pass");
    assertThat(finding(z2, "expect.spf").get("status").asText()).isEqualTo("pass");
    assertThat(finding(z2, "expect.dmarc").get("status").asText()).isEqualTo("pass");
    JsonNode z3 = reports.get(1);
    JsonNode mx = finding(z3, "expect.mx");
    assertThat(mx.get("status").asText()).isEqualTo("fail");
    assertThat(mx.get("detail").asText())
        .contains("expected [mx1.z3.test], found [mx.shared.test]");
    assertThat(finding(z3, "expect.dmarc").get("detail").asText())
        .contains("expected a DMARC record, found none");
    assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void aBadExpectationsFileIsExitTwoAtFileAndLine(@TempDir Path dir) throws Exception {
    Path expect = dir.resolve("mailcheck.yml");
    Files.writeString(expect, "domains:\n  z2.test:\n    grade: Z\n");
    CliRun r = run("domain", "z2.test", "--expect", expect.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip())
        .isEqualTo("mailcheck: " + expect + ":3: grade must be A+, A, B, C, D, E, F, not 'Z'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void htmlIsOnePageForOneDomainAndRefusedForMany() {
    CliRun one = run("domain", "z2.test", "--format", "html");
    assertThat(one.out()).startsWith("<!DOCTYPE html>").contains("mailcheck domain z2.test");
    CliRun many = run("domain", "z2.test", "z4.test", "--format", "html");
    assertThat(many.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(many.err()).contains("--format html writes one report");
  }

  @Test
  void junitAndSarifStreamEveryDomain() {
    CliRun junit = run("domain", "z2.test", "z3.test", "--format", "junit");
    assertThat(junit.out())
        .startsWith("<?xml")
        .contains("<testsuite name=\"domain z2.test\"", "<testsuite name=\"domain z3.test\"")
        .endsWith("</testsuites>\n");
    CliRun sarif = run("domain", "z2.test", "z3.test", "--format", "sarif");
    assertThat(sarif.out()).contains("\"version\":\"2.1.0\"", "\"uri\":\"z3.test\"");
  }

  @Test
  void allowWarnKeepsTheListedWarningsOutOfJunitFailures(@TempDir Path dir) throws Exception {
    // which ids warn for z2.test here: the test's own first run tells
    JsonNode plain = ReportSchema.assertValid(run("domain", "z2.test", "--format", "ndjson").out());
    List<String> warns = new ArrayList<>();
    for (JsonNode f : plain.get("findings"))
      if (f.get("status").asText().equals("warn")) warns.add(f.get("id").asText());
    assertThat(warns).as("z2.test has warnings to excuse").isNotEmpty();
    Path expect = dir.resolve("mailcheck.yml");
    Files.writeString(
        expect, "domains:\n  z2.test:\n    allow-warn: [" + String.join(", ", warns) + "]\n");
    String strict = run("--fail-on", "warn", "domain", "z2.test", "--format", "junit").out();
    String allowed =
        run(
                "--fail-on",
                "warn",
                "domain",
                "z2.test",
                "--expect",
                expect.toString(),
                "--format",
                "junit")
            .out();
    for (String id : warns) {
      assertThat(strict)
          .containsPattern(
              "name=\"" + java.util.regex.Pattern.quote(id) + "\">\\s*<failure type=\"warn\"");
      assertThat(allowed)
          .doesNotContainPattern("name=\"" + java.util.regex.Pattern.quote(id) + "\">\\s*<failure");
    }
  }

  static JsonNode finding(JsonNode report, String id) {
    for (JsonNode f : report.get("findings")) if (f.get("id").asText().equals(id)) return f;
    throw new AssertionError("no " + id + " in " + report);
  }
}
