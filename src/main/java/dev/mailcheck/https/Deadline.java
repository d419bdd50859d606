package dev.mailcheck.https;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The total deadline of one fetch: a timer closes the plain socket when it passes, which makes any
 * blocked read fail at once (a socket timeout alone resets on every dripped byte).
 */
final class Deadline implements AutoCloseable {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final long endNanos;
  private ScheduledFuture<?> armed;

  Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  private static ScheduledThreadPoolExecutor timer() {
    var t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = Executors.defaultThreadFactory().newThread(r);
              th.setDaemon(true);
              th.setName("mailcheck-https-deadline");
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  /** Milliseconds left, at least 1 (a socket timeout of 0 would mean "forever"). */
  int millisLeft() {
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, (endNanos - System.nanoTime()) / 1_000_000));
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** Closes {@code target} when the deadline passes (until this deadline is closed). */
  void guard(Closeable target) {
    if (armed != null) armed.cancel(false);
    armed =
        TIMER.schedule(
            () -> {
              try {
                target.close();
              } catch (IOException e) {
                // already closed
              }
            },
            Math.max(0, endNanos - System.nanoTime()),
            TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    if (armed != null) armed.cancel(false);
  }
}
