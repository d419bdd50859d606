package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.testing.ProjectPaths;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * SPF benchmarks (numbers in docs/performance.md under "SPF"). Skipped unless {@code
 * -Dmailcheck.bench=true}:
 *
 * <pre>
 * mvn -B -o test -Dtest=SpfBenchmark -Dmailcheck.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "mailcheck.bench", matches = "true")
class SpfBenchmark {
  /** A lookups-heavy policy: 9 DNS-querying terms, include tree three records deep. */
  static final String HEAVY =
      """
      $ORIGIN heavy.test.
      @      IN TXT "v=spf1 mx a include:a.heavy.test include:b.heavy.test include:c.heavy.test -all"
      @      IN MX 10 mx1.heavy.test.
      @      IN MX 20 mx2.heavy.test.
      @      IN A 192.0.2.1
      mx1    IN A 192.0.2.11
      mx2    IN A 192.0.2.12
      a      IN TXT "v=spf1 include:a1.heavy.test include:a2.heavy.test ~all"
      a1     IN TXT "v=spf1 ip4:198.51.100.0/26 -all"
      a2     IN TXT "v=spf1 ip4:198.51.100.64/26 -all"
      b      IN TXT "v=spf1 include:b1.heavy.test -all"
      b1     IN TXT "v=spf1 ip6:2001:db8:b1::/48 -all"
      c      IN TXT "v=spf1 a:c-host.heavy.test -all"
      c-host IN A 192.0.2.99
      """;

  static final int DEPTH = 3;
  static final Duration LATENCY = Duration.ofMillis(50);

  @Test
  void latencyFollowsTreeDepth() throws Exception {
    try (TestDnsServer server = TestDnsServer.start().zone("heavy.test", HEAVY).latency(LATENCY)) {
      InetAddress client = InetAddress.getByName("203.0.113.5");
      for (String mode : List.of("evaluate", "audit")) {
        List<Long> times = new ArrayList<>();
        long queries = 0;
        for (int i = 0; i < 6; i++) {
          server.clearQueries();
          try (DnsStack dns =
              DnsStack.open(
                  DnsSettings.of(List.of(server.socketAddress()), Duration.ofSeconds(3)))) {
            long t0 = System.nanoTime();
            SpfReport r =
                mode.equals("evaluate")
                    ? new SpfReport(List.of(), evaluationOnly(dns, client))
                    : SpfRuns.audit("heavy.test", dns.client());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (i > 0) times.add(ms); // the first run warms the JVM
            queries = server.queries().size();
            if (i == 5)
              System.out.println("SPF bench " + mode + ": lookups " + r.section().lookups());
          }
        }
        times.sort(Long::compare);
        System.out.printf(
            "SPF bench %s heavy.test @%d ms: median %d ms, min %d ms, max %d ms; depth %d x %d = %d ms; %d queries sequentially = %d ms%n",
            mode,
            LATENCY.toMillis(),
            times.get(times.size() / 2),
            times.get(0),
            times.get(times.size() - 1),
            DEPTH,
            LATENCY.toMillis(),
            DEPTH * LATENCY.toMillis(),
            queries,
            queries * LATENCY.toMillis());
      }
    }
  }

  private static SpfView evaluationOnly(DnsStack dns, InetAddress client) {
    SpfEvaluation e =
        new SpfEvaluator(dns.client(), SpfOptions.defaults())
            .checkHost(client, "heavy.test", "postmaster@heavy.test", "heavy.test");
    if (e.result() != SpfResult.FAIL) throw new AssertionError(e);
    return new SpfView(
        "heavy.test",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(e.result().token()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        e.lookups(),
        e.voidLookups(),
        Optional.empty(),
        List.of());
  }

  @Test
  void conformanceSuiteThroughput() throws Exception {
    var file = ProjectPaths.conformance(SpfConformanceTest.SUITE);
    Assumptions.assumeTrue(file.isPresent(), "SPF suite absent");
    var scenarios = SpfConformanceTest.load(file.get());
    int perRound = scenarios.stream().mapToInt(s -> s.cases().size()).sum();
    for (int i = 0; i < 200; i++) round(scenarios); // warm-up
    long rounds = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 3_000_000_000L) {
      round(scenarios);
      rounds++;
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "SPF bench conformance: %d evaluations in %.2f s = %.0f evaluations/s (%d tests per round)%n",
        rounds * perRound, secs, rounds * perRound / secs, perRound);
  }

  private static void round(List<SpfConformanceTest.Scenario> scenarios) {
    for (var s : scenarios) {
      for (var c : s.cases()) SpfConformanceTest.run(c, s.zone());
    }
  }
}
