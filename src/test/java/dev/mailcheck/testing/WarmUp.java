package dev.mailcheck.testing;

/**
 * Warm-up for the in-process benchmark mains (bench/peers.sh): runs a task in half-second slices
 * until the JIT has done its work, i.e. a slice is no faster than the one before (within 5 %), at
 * least 2 s and at most 30 s. A fixed warm-up is too short on a loaded machine, where the compiler
 * threads get little CPU, and the counted seconds would then measure the interpreter.
 */
public final class WarmUp {
  private WarmUp() {}

  public static void run(Runnable task) {
    long start = System.nanoTime();
    double previous = 0;
    while (true) {
      long sliceStart = System.nanoTime();
      long n = 0;
      while (System.nanoTime() - sliceStart < 500_000_000L) {
        task.run();
        n++;
      }
      double rate = n / ((System.nanoTime() - sliceStart) / 1e9);
      long elapsed = System.nanoTime() - start;
      if (elapsed > 30_000_000_000L) return;
      if (elapsed > 2_000_000_000L && rate <= previous * 1.05) return;
      previous = Math.max(previous, rate);
    }
  }
}
