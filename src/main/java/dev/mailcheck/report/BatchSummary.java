package dev.mailcheck.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of a many-domain run: how many domains were read and written, the grade histogram, how
 * many ended in each status, and the finding ids that failed most often.
 *
 * @param read domains taken from the input
 * @param written reports written (fewer than read only when the run was interrupted)
 * @param grades domains per grade ("A+" ... "F"; "-" for a domain without a score)
 * @param statuses domains per worst status token (pass, info, warn, fail, error)
 * @param failing the most common finding ids at fail or error, most frequent first, with how many
 *     domains had them
 * @param interrupted true when the run was stopped (Ctrl-C) before its input ended
 */
public record BatchSummary(
    long read,
    long written,
    Map<String, Long> grades,
    Map<String, Long> statuses,
    List<Map.Entry<String, Long>> failing,
    Duration duration,
    boolean interrupted) {
  public BatchSummary {
    grades = java.util.Collections.unmodifiableMap(new TreeMap<>(grades));
    statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    failing = List.copyOf(failing);
  }

  /** Counts reports as they are written; not thread-safe (the run's writer owns it). */
  public static final class Tally {
    /** How many of the most common failing ids the summary names. */
    static final int TOP = 10;

    private final Map<String, Long> grades = new TreeMap<>();
    private final Map<String, Long> statuses = new LinkedHashMap<>();
    private final Map<String, Long> failing = new LinkedHashMap<>();
    private long written;

    public Tally() {
      for (Status s : Status.values()) statuses.put(s.token(), 0L);
    }

    public void add(Report r) {
      written++;
      grades.merge(r.score().map(Score::grade).orElse("-"), 1L, Long::sum);
      statuses.merge(r.status().token(), 1L, Long::sum);
      r.findings().stream()
          .filter(f -> f.status().atLeast(Status.FAIL))
          .map(Finding::id)
          .distinct()
          .forEach(id -> failing.merge(id, 1L, Long::sum));
    }

    public long written() {
      return written;
    }

    /** Domains whose worst finding is at or above {@code level}. */
    public long atLeast(Status level) {
      long n = 0;
      for (Status s : Status.values()) if (s.atLeast(level)) n += statuses.get(s.token());
      return n;
    }

    public BatchSummary summary(long read, Duration duration, boolean interrupted) {
      List<Map.Entry<String, Long>> top = new ArrayList<>(failing.entrySet());
      top.sort(
          Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
              .thenComparing(Map.Entry::getKey));
      List<Map.Entry<String, Long>> firsts =
          top.stream().limit(TOP).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
      return new BatchSummary(read, written, grades, statuses, firsts, duration, interrupted);
    }
  }
}
