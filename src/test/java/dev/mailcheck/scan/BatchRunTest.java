package dev.mailcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Report;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRunTest {
  /** Completes each domain's check when the test says so, and counts how many run at once. */
  static final class ManualChecks {
    final Map<String, CompletableFuture<Report>> pending = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    CompletableFuture<Report> check(String d) {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      CompletableFuture<Report> f = new CompletableFuture<>();
      pending.put(d, f);
      return f.whenComplete((r, e) -> running.decrementAndGet());
    }

    void finish(String d) {
      while (!pending.containsKey(d)) Thread.onSpinWait();
      pending.get(d).complete(new Report("domain", d, List.of(), List.of()));
    }
  }

  static final class ListSink implements BatchRun.Sink {
    final List<String> written = Collections.synchronizedList(new ArrayList<>());
    volatile BatchSummary summary;

    @Override
    public void report(Report report) {
      written.add(report.target());
    }

    @Override
    public void end(BatchSummary s) {
      summary = s;
    }
  }

  static List<String> domains(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "d" + i + ".test").toList();
  }

  @Test
  void writesInInputOrderWhateverOrderTheChecksFinishIn() throws Exception {
    List<String> input = domains(20);
    ListSink sink = new ListSink();
    // every check finishes at once, on the checking thread, in input order reversed by chunks
    BatchRun run =
        new BatchRun(
            d -> {
              int n = Integer.parseInt(d.substring(1, d.indexOf('.')));
              Report r = new Report("domain", d, List.of(), List.of());
              return CompletableFuture.supplyAsync(
                  () -> r,
                  CompletableFuture.delayedExecutor(
                      (20 - n) * 3L, java.util.concurrent.TimeUnit.MILLISECONDS));
            },
            BatchRun.Limits.of(20, true),
            BatchRun.Listener.NONE);
    BatchSummary s = run.run(input.iterator(), sink);
    assertThat(sink.written).containsExactlyElementsOf(input);
    assertThat(s.read()).isEqualTo(20);
    assertThat(s.written()).isEqualTo(20);
    assertThat(s.interrupted()).isFalse();
  }

  @Test
  void neverHasMoreThanConcurrencyDomainsInFlight() throws Exception {
    ManualChecks checks = new ManualChecks();
    ListSink sink = new ListSink();
    BatchRun run =
        new BatchRun(checks::check, BatchRun.Limits.of(3, false), BatchRun.Listener.NONE);
    List<String> input = domains(30);
    Thread finisher =
        Thread.ofVirtual()
            .start(
                () -> {
                  for (String d : input) checks.finish(d);
                });
    run.run(input.iterator(), sink);
    finisher.join();
    assertThat(checks.maxRunning.get()).isLessThanOrEqualTo(3);
    assertThat(sink.written).containsExactlyInAnyOrderElementsOf(input);
  }

  @Test
  void aSlowFirstDomainHoldsBackAtMostTheWindow() throws Exception {
    ManualChecks checks = new ManualChecks();
    ListSink sink = new ListSink();
    BatchRun run =
        new BatchRun(checks::check, new BatchRun.Limits(2, 5, true), BatchRun.Listener.NONE);
    List<String> input = domains(10);
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    run.run(input.iterator(), sink);
                  } catch (IOException e) {
                    throw new RuntimeException(e);
                  }
                });
    // d1 stays pending; d2..d5 finish: the window (5) is then full and nothing more starts
    for (int i = 2; i <= 5; i++) checks.finish("d" + i + ".test");
    Thread.sleep(300);
    assertThat(checks.pending).hasSize(5);
    assertThat(sink.written).isEmpty();
    checks.finish("d1.test");
    for (int i = 6; i <= 10; i++) checks.finish("d" + i + ".test");
    runner.join();
    assertThat(sink.written).containsExactlyElementsOf(input);
  }

  @Test
  void anInterruptWritesWhatIsFinishedAndTheSummary() throws Exception {
    ManualChecks checks = new ManualChecks();
    ListSink sink = new ListSink();
    BatchRun run =
        new BatchRun(checks::check, new BatchRun.Limits(4, 16, true), BatchRun.Listener.NONE);
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    run.run(domains(1000).iterator(), sink);
                  } catch (IOException e) {
                    throw new RuntimeException(e);
                  }
                });
    checks.finish("d1.test");
    checks.finish("d3.test"); // d2 is still running
    while (sink.written.isEmpty()) Thread.onSpinWait();
    run.interrupt();
    assertThat(run.awaitFinished(Duration.ofSeconds(5))).isTrue();
    runner.join(5000);
    assertThat(sink.written).containsExactly("d1.test", "d3.test");
    assertThat(sink.summary.interrupted()).isTrue();
    assertThat(sink.summary.written()).isEqualTo(2);
    assertThat(sink.summary.read()).isGreaterThanOrEqualTo(3).isLessThan(1000);
  }
}
