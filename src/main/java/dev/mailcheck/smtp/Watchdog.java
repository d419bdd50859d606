package dev.mailcheck.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when a deadline passes, for the waits a socket timeout alone cannot bound (a TLS
 * handshake dripping one record per second resets the read timeout on every record). Closing the
 * socket makes the blocked call fail at once.
 */
final class Watchdog {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Watchdog() {}

  private static ScheduledThreadPoolExecutor timer() {
    var t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = Executors.defaultThreadFactory().newThread(r);
              th.setDaemon(true);
              th.setName("mailcheck-smtp-watchdog");
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  /** Arms the watchdog; close the returned guard when the guarded step is over. */
  static Guard arm(Closeable target, long deadlineNanos) {
    long delay = Math.max(0, deadlineNanos - System.nanoTime());
    ScheduledFuture<?> f =
        TIMER.schedule(
            () -> {
              try {
                target.close();
              } catch (IOException e) {
                // already closed
              }
            },
            delay,
            TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  interface Guard extends AutoCloseable {
    @Override
    void close();
  }
}
