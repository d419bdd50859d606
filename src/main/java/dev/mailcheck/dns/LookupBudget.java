package dev.mailcheck.dns;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the DNS-querying terms and void lookups of one SPF evaluation (RFC 7208 §4.6.4): at most
 * {@code maxLookups} terms (10) and {@code maxVoid} void lookups (2). Thread-safe, so that lookups
 * fetched in parallel can charge it; the evaluation itself still decides in RFC order.
 */
public final class LookupBudget {
  private final int maxLookups;
  private final int maxVoid;
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicInteger voids = new AtomicInteger();

  public LookupBudget(int maxLookups, int maxVoid) {
    if (maxLookups < 0 || maxVoid < 0) throw new IllegalArgumentException("negative limit");
    this.maxLookups = maxLookups;
    this.maxVoid = maxVoid;
  }

  /** The RFC 7208 limits: 10 DNS-querying terms, 2 void lookups. */
  public static LookupBudget spf() {
    return new LookupBudget(10, 2);
  }

  /** Charges one DNS-querying term; false once the limit is exceeded (the term that exceeds it). */
  public boolean chargeLookup() {
    return lookups.incrementAndGet() <= maxLookups;
  }

  /** Records one void lookup (NXDOMAIN or NODATA); false once the limit is exceeded. */
  public boolean chargeVoid() {
    return voids.incrementAndGet() <= maxVoid;
  }

  public int lookups() {
    return lookups.get();
  }

  public int voidLookups() {
    return voids.get();
  }

  public int maxLookups() {
    return maxLookups;
  }

  public int maxVoid() {
    return maxVoid;
  }
}
