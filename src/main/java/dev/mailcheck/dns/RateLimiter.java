package dev.mailcheck.dns;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket for the queries sent to one DNS server ({@code --qps}): at most {@code qps}
 * queries a second on average, with a burst of at most a twentieth of a second's worth (at least
 * one), so that no one-second window sees more than about {@code 1.05 × qps}. Callers reserve a
 * slot and wait the returned delay themselves (asynchronously): the limiter never blocks, because
 * its callers may run on dnsjava's I/O thread.
 */
final class RateLimiter {
  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanoClock;

  /** The theoretical arrival time of the next query (the generic cell rate algorithm's TAT). */
  private long tat;

  /**
   * @param qps queries per second, positive
   * @param nanoClock {@link System#nanoTime} in production; a fake in tests
   */
  RateLimiter(int qps, LongSupplier nanoClock) {
    if (qps <= 0) throw new IllegalArgumentException("qps must be positive: " + qps);
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / qps;
    this.toleranceNanos = intervalNanos * (Math.max(1, qps / 20) - 1);
    this.nanoClock = nanoClock;
    this.tat = nanoClock.getAsLong();
  }

  /** Reserves the next free slot and returns how many nanoseconds to wait before using it. */
  synchronized long reserve() {
    long now = nanoClock.getAsLong();
    if (tat < now) tat = now;
    long sendAt = Math.max(now, tat - toleranceNanos);
    tat += intervalNanos;
    return sendAt - now;
  }
}
