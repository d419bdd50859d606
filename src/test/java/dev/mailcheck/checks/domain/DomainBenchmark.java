package dev.mailcheck.checks.domain;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import java.security.KeyPairGenerator;
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
 * The difference between the two should be close to the dependency depth × 50 ms, not to the number
 * of queries × 50 ms.
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
    String key =
        "v=DKIM1; k=rsa; p="
            + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
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
                .zone(
                    "provider.test",
                    "_spf TXT \"v=spf1 ip4:198.51.100.0/24 include:_spf2.provider.test -all\"\n_spf2 TXT \"v=spf1 ip4:203.0.113.0/24 -all\"\n")
                .zone("reports.test", "bench.test._report._dmarc TXT \"v=DMARC1\"\n")
                .zone("0.0.127.in-addr.arpa", "1 PTR mx1.bench.test.\n")) {
      StringBuilder out = new StringBuilder();
      for (boolean probe : List.of(false, true)) {
        out.append(
            probe ? "with the SMTP probe (port 25 on both MX):\n" : "DNS only (--no-smtp):\n");
        long[] medians = new long[2];
        int[] latencies = {0, 50};
        for (int l = 0; l < 2; l++) {
          server.latency(Duration.ofMillis(latencies[l]));
          List<Long> times = new ArrayList<>();
          long queries = 0;
          for (int i = 0; i <= RUNS; i++) {
            server.clearQueries();
            try (DnsStack dns =
                    DnsStack.open(
                        DnsSettings.of(List.of(server.socketAddress()), Duration.ofSeconds(3)));
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
              var check =
                  new DomainCheck(
                      new CheckContext(
                          dns.client(),
                          new SocketSmtpProbe(dns.client()),
                          executor,
                          CheckSettings.defaults()
                              .withAllowPrivate(true)
                              .withTimeout(Duration.ofSeconds(3))));
              long t0 = System.nanoTime();
              var r =
                  check
                      .run(
                          new DomainCheck.Options("bench.test", List.of("sel"), probe, smtp.port()))
                      .join();
              long ms = (System.nanoTime() - t0) / 1_000_000;
              if (i == 0) continue; // warm-up
              times.add(ms);
              queries = server.queries().size();
              if (r.score().score() < 90)
                throw new AssertionError("bench zone should score >= 90: " + r.score());
            }
          }
          Collections.sort(times);
          medians[l] = times.get(times.size() / 2);
          out.append(
              String.format(
                  "latency %2d ms: median %d ms, min %d, max %d, %d queries to the server%n",
                  latencies[l], medians[l], times.get(0), times.get(times.size() - 1), queries));
        }
        double rounds = (medians[1] - medians[0]) / 50.0;
        out.append(
            String.format(
                "difference %d ms = %.1f round trips of 50 ms; dependency depth %d (%d ms)%n",
                medians[1] - medians[0], rounds, DEPTH, DEPTH * 50));
      }
      System.out.println("DOMAIN BENCHMARK\n" + out);
    }
  }

  /**
   * The interop zones (src/test/interop, as run.sh serves them) through the in-process DNS server
   * with injected latency, SMTP to the real Postfix listeners when they run. Needs {@code
   * -Dmailcheck.interop.zones=/tmp/mailcheck-interop/zones} (the served copies, with DKIM keys).
   */
  @Test
  @EnabledIfSystemProperty(named = "mailcheck.interop.zones", matches = ".+")
  void interopZones() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("mailcheck.interop.zones"));
    List<String> zones =
        List.of(
            "good.test",
            "weak.test",
            "broken.test",
            "spflimit.test",
            "nullmx.test",
            "nomx.test",
            "ruaext.test");
    try (TestDnsServer server = TestDnsServer.start()) {
      try (var files = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path f :
            files.filter(x -> x.toString().endsWith(".zone")).sorted().toList()) {
          String name = f.getFileName().toString();
          // Knot splits over-long character-strings itself; dnsjava's zone parser wants them split.
          String text =
              java.util.regex.Pattern.compile("\"([^\"]{256,})\"")
                  .matcher(java.nio.file.Files.readString(f))
                  .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(split(m.group(1))));
          server.zone(name.substring(0, name.length() - ".zone".length()), text);
        }
      }
      StringBuilder out =
          new StringBuilder("zone | smtp | 0 ms | 50 ms | difference | / 50 ms | queries\n");
      for (String zone : zones) {
        for (boolean probe : List.of(false, true)) {
          long[] med = new long[2];
          long queries = 0;
          for (int l = 0; l < 2; l++) {
            server.latency(Duration.ofMillis(l * 50L));
            List<Long> times = new ArrayList<>();
            for (int i = 0; i <= 5; i++) {
              server.clearQueries();
              try (DnsStack dns =
                      DnsStack.open(
                          DnsSettings.of(List.of(server.socketAddress()), Duration.ofSeconds(3)));
                  var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                var check =
                    new DomainCheck(
                        new CheckContext(
                            dns.client(),
                            new SocketSmtpProbe(dns.client()),
                            executor,
                            CheckSettings.defaults()
                                .withAllowPrivate(true)
                                .withTimeout(Duration.ofSeconds(3))));
                long t0 = System.nanoTime();
                check.run(new DomainCheck.Options(zone, List.of(), probe, 25)).join();
                if (i > 0) times.add((System.nanoTime() - t0) / 1_000_000);
                queries = server.queries().size();
              }
            }
            Collections.sort(times);
            med[l] = times.get(times.size() / 2);
          }
          out.append(
              String.format(
                  "%s | %s | %d ms | %d ms | %d ms | %.1f | %d%n",
                  zone,
                  probe ? "yes" : "no",
                  med[0],
                  med[1],
                  med[1] - med[0],
                  (med[1] - med[0]) / 50.0,
                  queries));
        }
      }
      System.out.println("INTEROP BENCHMARK\n" + out);
    }
  }

  private static String split(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i += 250)
      sb.append(sb.isEmpty() ? "" : " ")
          .append('"')
          .append(s, i, Math.min(s.length(), i + 250))
          .append('"');
    return sb.toString();
  }
}
