package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void spacesQueriesAtTheRateAfterASmallBurst() {
    RateLimiter limiter = new RateLimiter(100, now::get); // burst of 5, 10 ms apart
    long[] waits = new long[10];
    for (int i = 0; i < 10; i++) waits[i] = limiter.reserve();
    assertThat(waits).startsWith(0, 0, 0, 0, 0);
    assertThat(TimeUnit.NANOSECONDS.toMillis(waits[5])).isEqualTo(10);
    assertThat(TimeUnit.NANOSECONDS.toMillis(waits[9])).isEqualTo(50);
  }

  @Test
  void noOneSecondWindowSeesMoreThanTheRateAndTheBurst() {
    int qps = 200;
    RateLimiter limiter = new RateLimiter(qps, now::get);
    // 2,000 queries asked at once: the send times they get, over a sliding one-second window
    long start = now.get();
    long[] sendAt = new long[2000];
    for (int i = 0; i < sendAt.length; i++) sendAt[i] = start + limiter.reserve();
    long second = TimeUnit.SECONDS.toNanos(1);
    int max = 0;
    for (int i = 0, j = 0; i < sendAt.length; i++) {
      while (sendAt[i] - sendAt[j] >= second) j++;
      max = Math.max(max, i - j + 1);
    }
    assertThat(max).isLessThanOrEqualTo(qps + qps / 20);
  }

  @Test
  void anIdleBucketRefillsOnlyUpToTheBurst() {
    RateLimiter limiter = new RateLimiter(20, now::get); // burst 1: 50 ms apart
    assertThat(limiter.reserve()).isZero();
    now.addAndGet(TimeUnit.SECONDS.toNanos(10));
    assertThat(limiter.reserve()).isZero();
    assertThat(TimeUnit.NANOSECONDS.toMillis(limiter.reserve())).isEqualTo(50);
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new RateLimiter(0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
