package dev.mailcheck.cli;

import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import dev.mailcheck.scan.BatchRun;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of a many-domain run on stderr, redrawn four times a second: done/total, rate,
 * ETA and how many domains failed. Only when stderr is a terminal and not {@code --quiet}; it is
 * erased before the summary.
 */
final class ProgressBar implements BatchRun.Listener, AutoCloseable {
  private static final long PERIOD_MS = 250;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final OptionalLong total;
  private final long start = System.nanoTime();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread painter;
  private volatile boolean closed;

  private ProgressBar(PrintWriter err, OptionalLong total) {
    this.err = err;
    this.total = total;
    this.painter =
        Thread.ofPlatform().daemon(true).name("mailcheck-progress").unstarted(this::paintLoop);
  }

  static ProgressBar start(PrintWriter err, OptionalLong total) {
    ProgressBar bar = new ProgressBar(err, total);
    bar.painter.start();
    return bar;
  }

  @Override
  public void started(long count) {
    started.set(count);
  }

  @Override
  public void written(Report report) {
    written.incrementAndGet();
    if (report.incomplete() || report.status().atLeast(Status.FAIL)) failed.incrementAndGet();
  }

  private void paintLoop() {
    while (!closed) {
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
      if (!closed) paint();
    }
  }

  private synchronized void paint() {
    err.print("\r" + line() + "\u001b[K");
    err.flush();
  }

  String line() {
    long done = written.get();
    double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    double rate = done / secs;
    StringBuilder sb = new StringBuilder();
    if (total.isPresent() && total.getAsLong() > 0) {
      long t = total.getAsLong();
      int filled = (int) Math.min(WIDTH, WIDTH * done / t);
      sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      sb.append(done).append('/').append(t);
      if (rate > 0 && done < t) {
        long eta = (long) ((t - done) / rate);
        sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
      }
    } else {
      sb.append(done).append(" done, ").append(started.get() - done).append(" running");
    }
    sb.append(String.format(Locale.ROOT, "  %.1f/s  %d failing", rate, failed.get()));
    return sb.toString();
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    painter.interrupt();
    err.print("\r\u001b[K");
    err.flush();
  }
}
