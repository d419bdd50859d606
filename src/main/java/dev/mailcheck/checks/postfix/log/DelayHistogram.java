package dev.mailcheck.checks.postfix.log;

/**
 * Delays in hundredths of a second, kept as a log-linear histogram so that percentiles of ten
 * million deliveries take a few kilobytes: exact below 10.24 s, within 1/128 (under 1 %) above.
 */
final class DelayHistogram {
  private static final int LINEAR = 1024;
  private static final int SUB = 128;
  private final long[] linear = new long[LINEAR];
  // exponent 10..62, 128 sub-buckets each
  private final long[] log = new long[64 * SUB];
  private long count;
  private long max;
  private long sum;

  void add(long centis) {
    if (centis < 0) centis = 0;
    count++;
    sum += centis;
    if (centis > max) max = centis;
    if (centis < LINEAR) {
      linear[(int) centis]++;
      return;
    }
    int exp = 63 - Long.numberOfLeadingZeros(centis);
    int sub = (int) ((centis >>> (exp - 7)) & (SUB - 1));
    log[exp * SUB + sub]++;
  }

  long count() {
    return count;
  }

  long maxCentis() {
    return max;
  }

  long sumCentis() {
    return sum;
  }

  /** The {@code q}-quantile (0..1) in hundredths of a second, nearest-rank; 0 when empty. */
  long quantile(double q) {
    if (count == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    for (int i = 0; i < LINEAR; i++) {
      seen += linear[i];
      if (seen >= rank) return i;
    }
    for (int i = 0; i < log.length; i++) {
      seen += log[i];
      if (seen >= rank) {
        int exp = i / SUB;
        int sub = i % SUB;
        long lower = (1L << exp) | ((long) sub << (exp - 7));
        long width = 1L << (exp - 7);
        return Math.min(max, lower + width / 2);
      }
    }
    return max;
  }
}
