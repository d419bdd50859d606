package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import dev.mailcheck.testing.ReportSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 against the lab: a many-domain run over the lab's zones (count, input order, every
 * NDJSON line valid against docs/report.schema.json), and the HTML report rendered in Debian's
 * headless chromium (installed by run.sh): no console error, a screenshot saved under
 * target/interop-artifacts/ for CI to keep.
 */
class ScaleInteropIT {
  static InteropEnv env;

  /** Lab zones with mail set up, in an order unlike any sorting, one repeated, one bogus line. */
  static final List<String> DOMAINS =
      List.of(
          "weak.test",
          "good.test",
          "broken.test",
          "stsmiss.test",
          "ststesting.test",
          "good.test",
          "192.0.2.1",
          "nullmx.test");

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  @Test
  void manyDomainsStreamOneValidReportPerLineInInputOrder() throws Exception {
    Path list = Files.createTempFile("mailcheck-domains", ".txt");
    Files.writeString(list, "# lab zones\n" + String.join("\n", DOMAINS) + "\n");
    CliRun run =
        env.mailcheck(
            "domain",
            "--from-file",
            list.toString(),
            "--allow-private",
            "--ca-file",
            env.get("tls.ca"),
            "--lists-file",
            env.get("blocklists"),
            "--format",
            "ndjson",
            "--concurrency",
            "3",
            "--qps",
            "50");
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(DOMAINS.size());
    List<String> targets = new ArrayList<>();
    for (String line : lines) {
      JsonNode r = ReportSchema.assertValid(line);
      targets.add(r.get("target").asText());
    }
    assertThat(targets).containsExactlyElementsOf(DOMAINS);
    JsonNode bogus = ReportSchema.assertValid(lines.get(6));
    assertThat(bogus.get("findings").get(0).get("id").asText()).isEqualTo("domain.error");
    JsonNode good = ReportSchema.assertValid(lines.get(1));
    assertThat(good.get("target").asText()).isEqualTo("good.test");
    assertThat(good.has("grade")).isTrue();
    assertThat(run.err()).contains("8 domains checked in").doesNotContain("Exception");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  /**
   * The lab's generated zone of 1,000 domains (run.sh: scale.test) through a counting forwarder
   * (bench/dns-delay-forwarder.py) in front of Knot: every domain once, in input order, every line
   * a valid v1 report, and the --qps limit held as counted at the server side.
   */
  @Test
  void aThousandGeneratedDomainsInOrderValidAndWithinTheQpsLimitAtTheServer() throws Exception {
    int qps = 500;
    int n = 1000;
    List<String> domains = new ArrayList<>();
    for (int i = 1; i <= n; i++) domains.add("d" + i + ".scale.test");
    Path list = Files.createTempFile("mailcheck-scale", ".txt");
    Files.writeString(list, String.join("\n", domains) + "\n");
    Path stats = Files.createTempFile("mailcheck-forwarder", ".json");
    int port;
    try (var probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path forwarder =
        dev.mailcheck.testing.ProjectPaths.basedir().resolve("bench/dns-delay-forwarder.py");
    Process fwd =
        new ProcessBuilder(
                env.get("python"),
                forwarder.toString(),
                "127.0.0.1:" + port,
                env.dnsServer() + ":" + env.get("dns.port"),
                "0",
                stats.toString())
            .redirectErrorStream(true)
            .start();
    CliRun run;
    try {
      var ready = new java.io.BufferedReader(new java.io.InputStreamReader(fwd.getInputStream()));
      assertThat(ready.readLine()).isEqualTo("ready");
      run =
          CliRun.of(
              "--resolver",
              "127.0.0.1:" + port,
              "--timeout",
              "5s",
              "--trust-anchor",
              env.get("dnssec.anchors"),
              "domain",
              "--from-file",
              list.toString(),
              "--no-smtp",
              "--no-blocklist",
              "--allow-private",
              "--format",
              "ndjson",
              "--concurrency",
              "64",
              "--qps",
              Integer.toString(qps));
    } finally {
      fwd.destroy(); // SIGTERM: the forwarder writes its counts
      fwd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(n);
    List<String> targets = new ArrayList<>();
    for (String line : lines) targets.add(ReportSchema.assertValid(line).get("target").asText());
    assertThat(targets).containsExactlyElementsOf(domains);
    JsonNode counted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.toFile());
    assertThat(counted.get("total").asLong()).as("queries at the server").isGreaterThan(n);
    // the token bucket allows a burst of qps/20 on top of qps in a calendar second
    assertThat(counted.get("max_per_second").asInt())
        .as("queries per second at the server: %s", counted.get("per_second"))
        .isLessThanOrEqualTo(qps + qps / 20);
  }

  @Test
  void theHtmlReportRendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
    CliRun run =
        env.mailcheck(
            "domain",
            "good.test",
            "--allow-private",
            "--ca-file",
            env.get("tls.ca"),
            "--lists-file",
            env.get("blocklists"),
            "--format",
            "html");
    assertThat(run.exitCode()).as(run.err()).isBetween(0, 1);
    Path dir = Path.of("target", "interop-artifacts").toAbsolutePath();
    Files.createDirectories(dir);
    Path html = dir.resolve("domain-good.test.html");
    Files.writeString(html, run.out(), StandardCharsets.UTF_8);
    Path png = dir.resolve("domain-good.test.png");
    Files.deleteIfExists(png);
    InteropEnv.Tool chromium =
        InteropEnv.tool(
            Map.of(),
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--user-data-dir=" + Files.createTempDirectory("chromium"),
            "--enable-logging=stderr",
            "--v=0",
            "--hide-scrollbars",
            // a phone's width: the page must be readable there
            "--window-size=412,2000",
            "--screenshot=" + png,
            html.toUri().toString());
    assertThat(chromium.exitCode()).as(chromium.output()).isZero();
    assertThat(chromium.output())
        .as("chromium's log")
        .doesNotContain("CONSOLE")
        .doesNotContain("Uncaught")
        .doesNotContain("Refused to");
    byte[] image = Files.readAllBytes(png);
    assertThat(image.length).isGreaterThan(1000);
    assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
