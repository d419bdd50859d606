package dev.mailcheck.checks.postfix.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters per key (a domain, a client address, a reason) with a fixed number of columns and a cap
 * on distinct keys: hostile or huge logs (a brute force from a million addresses) cannot grow it
 * past {@code maxKeys}. Counts for keys that arrive after the cap go to {@link #overflow} and the
 * table says it was truncated.
 */
final class CountTable {
  private final int columns;
  private final int maxKeys;
  private final Map<String, long[]> rows = new HashMap<>();
  private final long[] overflow;
  private final Map<String, String> samples = new HashMap<>();
  private boolean truncated;

  CountTable(int columns, int maxKeys) {
    this.columns = columns;
    this.maxKeys = maxKeys;
    this.overflow = new long[columns];
  }

  /** Adds {@code n} to column {@code col} of {@code key}. */
  void add(String key, int col, long n) {
    long[] row = rows.get(key);
    if (row == null) {
      if (rows.size() >= maxKeys) {
        truncated = true;
        overflow[col] += n;
        return;
      }
      row = new long[columns];
      rows.put(key, row);
    }
    row[col] += n;
  }

  void inc(String key, int col) {
    add(key, col, 1);
  }

  /** Sets column {@code col} to the larger of its value and {@code v}. */
  void max(String key, int col, long v) {
    long[] row = rows.get(key);
    if (row != null && v > row[col]) row[col] = v;
  }

  /** Remembers the first text seen for a key (an example of a normalized reason). */
  void sample(String key, String text) {
    if (rows.containsKey(key) && !samples.containsKey(key)) samples.put(key, text);
  }

  String sampleOf(String key) {
    return samples.getOrDefault(key, "");
  }

  long[] row(String key) {
    return rows.get(key);
  }

  int size() {
    return rows.size();
  }

  boolean truncated() {
    return truncated;
  }

  long[] overflow() {
    return overflow.clone();
  }

  /** Keys by descending {@code col}, then by key; at most {@code limit}. */
  List<Map.Entry<String, long[]>> top(int col, int limit) {
    List<Map.Entry<String, long[]>> all = new ArrayList<>(rows.entrySet());
    all.sort(
        Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[col])
            .thenComparing(Map.Entry::getKey));
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** The sum of a column over every key, the overflow included. */
  long total(int col) {
    long t = overflow[col];
    for (long[] r : rows.values()) t += r[col];
    return t;
  }
}
