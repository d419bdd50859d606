package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void admitsABurstThenOneQueryPerInterval() {
    RateLimiter limiter = new RateLimiter(100, now::get); // burst of 5, 10 ms apart
    for (int i = 0; i < 5; i++) assertThat(limiter.admit()).isZero();
    assertThat(TimeUnit.NANOSECONDS.toMillis(limiter.admit())).isEqualTo(10);
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
    assertThat(limiter.admit()).isZero();
    assertThat(limiter.admit()).isPositive();
  }

  /**
   * A pacer that wakes late (a busy machine: stalls up to 300 ms) still never lets a one-second
   * window see more than qps plus the burst: the check is made when the query really goes.
   */
  @Test
  void lateWakeUpsNeverPushAOneSecondWindowOverTheLimit() {
    int qps = 500;
    RateLimiter limiter = new RateLimiter(qps, now::get);
    Random random = new Random(17);
    List<Long> sent = new ArrayList<>();
    long end = now.get() + TimeUnit.SECONDS.toNanos(20);
    while (now.get() < end) {
      long wait = limiter.admit();
      if (wait == 0) {
        sent.add(now.get());
        continue;
      }
      long stall = random.nextInt(10) == 0 ? TimeUnit.MILLISECONDS.toNanos(random.nextInt(300)) : 0;
      now.addAndGet(wait + stall);
    }
    long second = TimeUnit.SECONDS.toNanos(1);
    int max = 0;
    for (int i = 0, j = 0; i < sent.size(); i++) {
      while (sent.get(i) - sent.get(j) >= second) j++;
      max = Math.max(max, i - j + 1);
    }
    assertThat(max).isLessThanOrEqualTo(qps + qps / 20);
    // the stalls cost throughput, never the bound
    assertThat(sent.size()).isGreaterThan(20 * qps / 4);
  }

  @Test
  void anIdleLimiterRefillsOnlyUpToTheBurst() {
    RateLimiter limiter = new RateLimiter(20, now::get); // burst 1: 50 ms apart
    assertThat(limiter.admit()).isZero();
    now.addAndGet(TimeUnit.SECONDS.toNanos(10));
    assertThat(limiter.admit()).isZero();
    assertThat(TimeUnit.NANOSECONDS.toMillis(limiter.admit())).isEqualTo(50);
  }

  @Test
  void thePacingThreadRunsSubmittedSendsInOrder() throws Exception {
    RateLimiter limiter = new RateLimiter(100_000, System::nanoTime);
    List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      int n = i;
      limiter.submit(
          () -> {
            order.add(n);
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    limiter.close();
    assertThat(order).isSorted().hasSize(50);
    assertThatThrownBy(() -> limiter.submit(() -> {})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new RateLimiter(0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
