package dev.mailcheck.dns;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces the queries sent to one DNS server ({@code --qps}): at most {@code qps} a second on
 * average, with a burst of at most a twentieth of a second's worth (at least one), so that no
 * one-second window sees more than about {@code 1.05 × qps}.
 *
 * <p>The check is the generic cell rate algorithm, made at the moment a query is really sent: one
 * pacing thread per server takes the queued sends in order and sends each when {@link #admit}
 * allows it. A slot reserved in advance would not do: on a busy machine the timer of a reserved
 * slot fires late, and late sends bunch up with the on-time ones behind them (measured: 614 in one
 * second under a limit of 500). Sending is non-blocking (dnsjava's asynchronous send), so one
 * thread keeps up with any rate a resolver would accept.
 */
final class RateLimiter implements AutoCloseable {
  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanoClock;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final Thread pacer;
  private volatile boolean closed;

  /** The theoretical arrival time of the next query (the algorithm's TAT). */
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
    this.pacer = Thread.ofPlatform().daemon(true).name("dns-pacer").unstarted(this::pace);
  }

  /**
   * Whether a query may go now: 0 and the slot is taken, or the nanoseconds until one may (nothing
   * taken).
   */
  synchronized long admit() {
    long now = nanoClock.getAsLong();
    if (tat < now) tat = now;
    long allowedAt = tat - toleranceNanos;
    if (now < allowedAt) return allowedAt - now;
    tat += intervalNanos;
    return 0;
  }

  /** Runs {@code send} on the pacing thread when the limit allows, after those queued before it. */
  void submit(Runnable send) {
    if (closed) throw new IllegalStateException("closed");
    queue.add(send);
    synchronized (this) {
      if (pacer.getState() == Thread.State.NEW) pacer.start();
    }
    LockSupport.unpark(pacer);
  }

  private void pace() {
    while (!closed) {
      Runnable next = queue.peek();
      if (next == null) {
        LockSupport.park(this);
        continue;
      }
      long wait = admit();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
        continue;
      }
      queue.poll();
      try {
        next.run();
      } catch (RuntimeException e) {
        // a send reports its own failures through its future; nothing may stop the pacer
      }
    }
  }

  /** Stops the pacing thread; queued sends are dropped (the run is over). */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(pacer);
  }
}
