package dev.mailcheck.dns;

import java.util.ArrayList;
import java.util.List;

/** The queries of a run, in the order they completed. Thread-safe. */
public final class DnsTrace {
  private final List<TraceEntry> entries = new ArrayList<>();
  private final boolean keep;

  public DnsTrace() {
    this(true);
  }

  private DnsTrace(boolean keep) {
    this.keep = keep;
  }

  /**
   * A trace that keeps nothing: a many-domain run asks hundreds of thousands of questions, and
   * keeping them all would grow without bound.
   */
  public static DnsTrace discarding() {
    return new DnsTrace(false);
  }

  /** False for a {@link #discarding()} trace: callers may skip building entries. */
  boolean keeps() {
    return keep;
  }

  public synchronized void add(TraceEntry e) {
    if (keep) entries.add(e);
  }

  public synchronized List<TraceEntry> entries() {
    return List.copyOf(entries);
  }
}
