package dev.mailcheck.dns.bench;

import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.testserver.TestDnsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Not a test (the name matches neither surefire's nor failsafe's patterns): measures the resolver
 * against the in-process server with 50 ms injected latency per answer. Run with
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) dev.mailcheck.dns.bench.DnsResolverBenchmark
 * </pre>
 *
 * Results go to docs/performance.md ("DNS resolver").
 */
public final class DnsResolverBenchmark {
  static final int QUESTIONS = 100;
  static final Duration LATENCY = Duration.ofMillis(50);
  static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    try (TestDnsServer server = TestDnsServer.start("zones/example.test.zone")) {
      for (int i = 0; i < QUESTIONS; i++)
        server.a("h" + i + ".example.test", "192.0.2." + (i % 250 + 1));
      server.latency(LATENCY);
      List<DnsQuestion> distinct =
          IntStream.range(0, QUESTIONS)
              .mapToObj(i -> DnsQuestion.of("h" + i + ".example.test", RecordType.A))
              .toList();
      List<DnsQuestion> same =
          Collections.nCopies(QUESTIONS, DnsQuestion.of("example.test", RecordType.MX));

      // Warm up dnsjava's selector thread and the JIT.
      run(server, distinct, s -> s.client().resolveAll(distinct));

      report(
          "100 distinct questions, all at once (resolveAll)",
          server,
          distinct,
          s -> s.client().resolveAll(distinct));
      report(
          "100 distinct questions, one after the other",
          server,
          distinct,
          s -> distinct.stream().map(q -> s.client().query(q).join()).toList());
      report(
          "100 identical questions, all at once (coalesced)",
          server,
          same,
          s -> s.client().resolveAll(same));
      System.out.printf("server saw %d queries in total%n", server.queries().size());
    }
  }

  private static void report(
      String what,
      TestDnsServer server,
      List<DnsQuestion> qs,
      Function<DnsStack, List<DnsResult>> body)
      throws Exception {
    List<Long> times = new ArrayList<>();
    long queries = 0;
    for (int r = 0; r < ROUNDS; r++) {
      server.clearQueries();
      times.add(run(server, qs, body));
      queries = server.queries().size();
    }
    Collections.sort(times);
    System.out.printf(
        "%-52s median %5d ms  (min %d, max %d; %d network queries per round)%n",
        what, times.get(ROUNDS / 2), times.get(0), times.get(ROUNDS - 1), queries);
  }

  private static long run(
      TestDnsServer server, List<DnsQuestion> qs, Function<DnsStack, List<DnsResult>> body)
      throws Exception {
    DnsSettings settings =
        new DnsSettings(
            List.of(server.socketAddress()),
            Duration.ofSeconds(5),
            1,
            Optional.empty(),
            Optional.empty());
    try (DnsStack stack = DnsStack.open(settings)) {
      long start = System.nanoTime();
      List<DnsResult> results = body.apply(stack);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (results.size() != qs.size() || results.stream().anyMatch(DnsResult::isTemporaryFailure)) {
        throw new IllegalStateException("unexpected results: " + results);
      }
      return millis;
    }
  }
}
