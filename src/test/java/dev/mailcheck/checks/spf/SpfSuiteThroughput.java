package dev.mailcheck.checks.spf;

import dev.mailcheck.testing.WarmUp;
import java.nio.file.Path;
import java.util.List;

/**
 * SPF evaluations per second over the RFC 7208 suite in a warm JVM, for bench/peers.sh (which runs
 * pyspf over the same file). Not a test: a {@code main} in test scope.
 *
 * <pre>
 * java -cp CLASSPATH dev.mailcheck.checks.spf.SpfSuiteThroughput SUITE_YML SECONDS
 * </pre>
 *
 * Each round runs every test of the suite once ({@code check_host()} against the scenario's
 * in-memory zone, as {@link SpfConformanceTest} does); 2 s of rounds warm up, then SECONDS of
 * rounds are counted. Prints {@code evaluations/s N} and {@code matching M of T} (tests whose
 * result is one the suite allows, from the last round).
 */
public final class SpfSuiteThroughput {
  private SpfSuiteThroughput() {}

  public static void main(String[] args) throws Exception {
    List<SpfConformanceTest.Scenario> scenarios = SpfConformanceTest.load(Path.of(args[0]));
    double seconds = Double.parseDouble(args[1]);
    WarmUp.run(() -> round(scenarios));
    long evaluations = 0;
    int matching = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      matching = 0;
      for (var s : scenarios) {
        for (var c : s.cases()) {
          SpfEvaluation e = SpfConformanceTest.run(c, s.zone());
          if (c.results().contains(e.result().token())) matching++;
          evaluations++;
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    int total = scenarios.stream().mapToInt(s -> s.cases().size()).sum();
    System.out.printf(
        "evaluations/s %.1f%nmatching %d of %d%n", evaluations / secs, matching, total);
  }

  private static void round(List<SpfConformanceTest.Scenario> scenarios) {
    for (var s : scenarios) {
      for (var c : s.cases()) SpfConformanceTest.run(c, s.zone());
    }
  }
}
