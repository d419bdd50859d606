package dev.mailcheck.bench;

import dev.mailcheck.checks.smtp.PortScan;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code --all-ports} costs about the slowest port, not the sum: three loopback servers whose
 * greetings are delayed by 100, 200 and 400 ms, probed one by one and then in parallel. Run with
 * {@code mvn -o test -Dtest=SmtpPortScanBenchmark -Dmailcheck.bench=true} (skipped otherwise);
 * numbers go to docs/performance.md under "SMTP".
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "mailcheck.bench", matches = "true")
class SmtpPortScanBenchmark {
  static final long[] DELAYS = {100, 200, 400};
  static final int ROUNDS = 15;

  @Test
  void allPortsTakesAboutTheSlowestPort() throws Exception {
    var servers = new ArrayList<ScriptedSmtpServer>();
    try {
      for (long d : DELAYS) {
        StandardSmtp std = new StandardSmtp();
        servers.add(
            ScriptedSmtpServer.start(
                s -> {
                  Thread.sleep(d);
                  std.run(s);
                }));
      }
      List<Integer> ports = servers.stream().map(ScriptedSmtpServer::port).toList();
      var probe = new SocketSmtpProbe(null);
      var base = ProbeRequest.builder("127.0.0.1", 25).timeout(Duration.ofSeconds(2)).build();
      PortScan.run(probe, base, ports); // warm-up (class loading, JIT)
      long[] sequential = new long[ROUNDS];
      long[] parallel = new long[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        long t = System.nanoTime();
        for (int p : ports)
          probe.probe(ProbeRequest.builder("127.0.0.1", p).timeout(Duration.ofSeconds(2)).build());
        sequential[i] = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        PortScan.run(probe, base, ports);
        parallel[i] = (System.nanoTime() - t) / 1_000_000;
      }
      System.out.printf(
          "SMTP port scan, greetings delayed %s ms, %d rounds: sequential median %d ms (min %d), parallel median %d ms (min %d)%n",
          Arrays.toString(DELAYS),
          ROUNDS,
          median(sequential),
          Arrays.stream(sequential).min().orElse(0),
          median(parallel),
          Arrays.stream(parallel).min().orElse(0));
    } finally {
      servers.forEach(ScriptedSmtpServer::close);
    }
  }

  /**
   * What one full probe costs on loopback: STARTTLS with a P-256 certificate, with and without the
   * legacy check.
   */
  @Test
  void singleStartTlsProbe() throws Exception {
    var pki = dev.mailcheck.smtp.testserver.TestPki.create();
    var cert = pki.issue("localhost", List.of("127.0.0.1"), 30);
    try (var server = ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()))) {
      var probe = new SocketSmtpProbe(null);
      for (boolean legacy : new boolean[] {false, true}) {
        var req =
            ProbeRequest.builder("127.0.0.1", server.port())
                .trustAnchors(List.of(pki.ca()))
                .legacyTlsCheck(legacy)
                .timeout(Duration.ofSeconds(2))
                .build();
        for (int i = 0; i < 5; i++) probe.probe(req); // warm-up
        long[] total = new long[ROUNDS];
        long[] handshake = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
          long t = System.nanoTime();
          var r = probe.probe(req);
          total[i] = (System.nanoTime() - t) / 1_000_000;
          handshake[i] = r.timing(dev.mailcheck.smtp.Phase.TLS_HANDSHAKE).orElseThrow().millis();
        }
        System.out.printf(
            "SMTP STARTTLS probe (legacy check %s), %d rounds: total median %d ms (min %d), handshake median %d ms%n",
            legacy ? "on" : "off",
            ROUNDS,
            median(total),
            Arrays.stream(total).min().orElse(0),
            median(handshake));
      }
    }
  }

  private static long median(long[] v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
