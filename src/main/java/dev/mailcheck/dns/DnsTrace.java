package dev.mailcheck.dns;

import java.util.ArrayList;
import java.util.List;

/** The queries of a run, in the order they completed. Thread-safe. */
public final class DnsTrace {
  private final List<TraceEntry> entries = new ArrayList<>();

  public synchronized void add(TraceEntry e) {
    entries.add(e);
  }

  public synchronized List<TraceEntry> entries() {
    return List.copyOf(entries);
  }
}
