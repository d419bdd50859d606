package dev.mailcheck.checks.domain;

import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The domain report's wall time with 0 ms and 50 ms injected DNS latency (numbers in
 * docs/performance.md under "Domain report"). Skipped unless {@code -Dmailcheck.bench=true}:
 *
 * <pre>
 * mvn -B -o test -Dtest=DomainBenchmark -Dmailcheck.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The difference between the two should be close to the dependency depth × 50 ms, not to the
 * number of queries × 50 ms.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "mailcheck.bench", matches = "true")
class DomainBenchmark {
  /**
   * Longest chain of lookups that need the previous answer, in this zone: 3. MX, A/AAAA of an MX,
   * PTR (the PTR name's forward lookup is the MX's own A lookup, already answered from the cache);
   * SPF TXT, include, nested include; DMARC tree walk (all at once), then the report authorization.
   */
  static final int DEPTH = 3;

  static final int RUNS = 7;

  @Test
  void latencyFollowsDependencyDepth() throws Exception {
    var g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String key = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    var cert = TestPki.create().issue("mx1.bench.test", List.of("mx1.bench.test"), 90);
    try (var smtp = ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()));
        TestDnsServer server =
            TestDnsServer.start()
                .zone(
                    "bench.test",
                    """
                    @ MX 10 mx1
                    @ MX 20 mx2
                    mx1 A 127.0.0.1
                    mx2 A 127.0.0.1
                    @ TXT "v=spf1 mx include:_spf.provider.test -all"
                    _dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@bench.test,mailto:agg@reports.test"
                    """)
                .txt("sel._domainkey.bench.test", key.substring(0, 200), key.substring(200))
                .zone("provider.test", "_spf TXT \"v=spf1 ip4:198.51.100.0/24 include:_spf2.provider.test -all\"\n_spf2 TXT \"v=spf1 ip4:203.0.113.0/24 -all\"\n")
                .zone("reports.test", "bench.test._report._dmarc TXT \"v=DMARC1\"\n")
                .zone("0.0.127.in-addr.arpa", "1 PTR mx1.bench.test.\n")) {
      StringBuilder out = new StringBuilder();
      for (boolean probe : List.of(false, true)) {
      out.append(probe ? "with the SMTP probe (port 25 on both MX):\n" : "DNS only (--no-smtp):\n");
      long[] medians = new long[2];
      int[] latencies = {0, 50};
      for (int l = 0; l < 2; l++) {
        server.latency(Duration.ofMillis(latencies[l]));
        List<Long> times = new ArrayList<>();
        long queries = 0;
        for (int i = 0; i <= RUNS; i++) {
          server.clearQueries();
          try (DnsStack dns = DnsStack.open(DnsSettings.of(List.of(server.socketAddress()), Duration.ofSeconds(3)));
              var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var check = new DomainCheck(dns.client(), new SocketSmtpProbe(dns.client()), executor, Clock.systemUTC());
            long t0 = System.nanoTime();
            var r = check.run(new DomainCheck.Options("bench.test", List.of("sel"), probe, true, Duration.ofSeconds(3), smtp.port())).join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (i == 0) continue; // warm-up
            times.add(ms);
            queries = server.queries().size();
            if (r.score().score() < 90) throw new AssertionError("bench zone should score >= 90: " + r.score());
          }
        }
        Collections.sort(times);
        medians[l] = times.get(times.size() / 2);
        out.append(String.format("latency %2d ms: median %d ms, min %d, max %d, %d queries to the server%n", latencies[l], medians[l], times.get(0), times.get(times.size() - 1), queries));
      }
      double rounds = (medians[1] - medians[0]) / 50.0;
      out.append(String.format("difference %d ms = %.1f round trips of 50 ms; dependency depth %d (%d ms)%n", medians[1] - medians[0], rounds, DEPTH, DEPTH * 50));
      }
      System.out.println("DOMAIN BENCHMARK\n" + out);
    }
  }
}
