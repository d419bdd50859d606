package dev.mailcheck.scan;

import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Report;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one check over a stream of domains with bounded work, and writes each report as soon as it
 * may: in input order (the default) or as they finish.
 *
 * <ul>
 *   <li>At most {@code concurrency} domains are being checked at once.
 *   <li>In input order, a finished report waits for the ones before it; at most {@code window}
 *       domains are started and not yet written, so that one slow domain holds back a bounded
 *       number of reports (memory stays bounded whatever the input's length).
 *   <li>One writer thread writes every report and the summary; the checks never block on output.
 *   <li>{@link #interrupt()} (Ctrl-C) stops reading the input, writes the reports already finished
 *       (in input order, with gaps where a domain was still running) and the summary.
 * </ul>
 */
public final class BatchRun {
  /** Where the reports go; called from the run's one writer thread, never concurrently. */
  public interface Sink {
    void report(Report report) throws IOException;

    void end(BatchSummary summary) throws IOException;
  }

  /** Told about progress (for a progress bar); called from the run's threads. */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void started(long count) {}

    default void written(Report report) {}
  }

  /**
   * @param concurrency domains being checked at once
   * @param window domains started and not yet written (input order only); at least concurrency
   * @param ordered reports in input order (else as they finish)
   */
  public record Limits(int concurrency, int window, boolean ordered) {
    public Limits {
      if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
      if (window < concurrency) throw new IllegalArgumentException("window below concurrency");
    }

    /** A window of four times the concurrency. */
    public static Limits of(int concurrency, boolean ordered) {
      return new Limits(concurrency, Math.multiplyExact(concurrency, 4), ordered);
    }
  }

  private sealed interface Event permits Done, End, Stop {}

  private record Done(long index, Report report) implements Event {}

  private record End(long total) implements Event {}

  private record Stop() implements Event {}

  private final Function<String, CompletableFuture<Report>> check;
  private final Limits limits;
  private final Listener listener;
  private final Semaphore inFlight;
  private final Semaphore window;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile BatchSummary summary;
  private volatile IOException writeError;

  public BatchRun(
      Function<String, CompletableFuture<Report>> check, Limits limits, Listener listener) {
    this.check = Objects.requireNonNull(check);
    this.limits = Objects.requireNonNull(limits);
    this.listener = Objects.requireNonNull(listener);
    this.inFlight = new Semaphore(limits.concurrency());
    this.window = new Semaphore(limits.ordered() ? limits.window() : limits.concurrency());
  }

  /**
   * Checks every domain of {@code input} and writes the reports to {@code sink}; returns the
   * summary once everything is written (or, after {@link #interrupt()}, what was).
   *
   * @throws IOException when the sink failed (the run stops at the first failure)
   */
  public BatchSummary run(Iterator<String> input, Sink sink) throws IOException {
    long start = System.nanoTime();
    long[] read = {0};
    Thread writer =
        Thread.ofPlatform()
            .name("mailcheck-writer")
            .daemon(true)
            .start(() -> write(sink, start, read));
    long index = 0;
    try {
      while (!stopped.get() && input.hasNext()) {
        String domain = input.next();
        if (!acquire(window)) break;
        if (!acquire(inFlight)) {
          window.release();
          break;
        }
        long i = index++;
        read[0] = index;
        listener.started(index);
        check
            .apply(domain)
            .whenComplete(
                (r, e) -> {
                  inFlight.release();
                  events.add(new Done(i, r));
                });
      }
    } finally {
      events.add(new End(index));
    }
    awaitUninterruptibly(writer);
    if (writeError != null) throw writeError;
    return summary;
  }

  /** Stops the run from another thread (Ctrl-C): the reports finished so far are written. */
  public void interrupt() {
    if (stopped.compareAndSet(false, true)) events.add(new Stop());
  }

  /** Waits until the summary is written, at most {@code timeout}; true when it was. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean acquire(Semaphore s) {
    try {
      while (!s.tryAcquire(100, TimeUnit.MILLISECONDS)) if (stopped.get()) return false;
      return !stopped.get() || releaseFalse(s);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean releaseFalse(Semaphore s) {
    s.release();
    return false;
  }

  private void write(Sink sink, long start, long[] read) {
    BatchSummary.Tally tally = new BatchSummary.Tally();
    TreeMap<Long, Report> pending = new TreeMap<>();
    long next = 0;
    long total = -1;
    boolean interrupted = false;
    try {
      while (total < 0 || tally.written() < total) {
        Event e = events.take();
        switch (e) {
          case Done d -> {
            if (!limits.ordered()) {
              emit(sink, tally, d.report());
              continue;
            }
            pending.put(d.index(), d.report());
            while (!pending.isEmpty() && pending.firstKey() == next) {
              emit(sink, tally, pending.pollFirstEntry().getValue());
              next++;
            }
          }
          case End end -> total = end.total();
          case Stop s -> {
            interrupted = true;
            // what is finished, in input order, with gaps where a domain was still running
            for (Report r : pending.values()) emit(sink, tally, r);
            pending.clear();
            total = tally.written();
          }
        }
      }
      summary = tally.summary(read[0], Duration.ofNanos(System.nanoTime() - start), interrupted);
      sink.end(summary);
    } catch (IOException e) {
      writeError = e;
      stopped.set(true);
      summary = tally.summary(read[0], Duration.ofNanos(System.nanoTime() - start), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      finished.countDown();
    }
  }

  private void emit(Sink sink, BatchSummary.Tally tally, Report r) throws IOException {
    sink.report(r);
    tally.add(r);
    window.release();
    listener.written(r);
  }

  private static void awaitUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
