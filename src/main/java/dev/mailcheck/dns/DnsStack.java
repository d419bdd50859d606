package dev.mailcheck.dns;

import java.util.List;

/**
 * The run's resolver: the network client (or the replay file) with the cache, in-flight
 * coalescing, trace and recording decorators around it. One per run, shared by every check.
 */
public final class DnsStack implements AutoCloseable {
  private final DnsClient client;
  private final DnsTrace trace;
  private final AutoCloseable onClose;

  DnsStack(DnsClient client, DnsTrace trace, AutoCloseable onClose) {
    this.client = client;
    this.trace = trace;
    this.onClose = onClose;
  }

  /** Builds the stack the settings describe. */
  public static DnsStack open(DnsSettings settings) {
    throw new UnsupportedOperationException("DNS stack not built yet");
  }

  public DnsClient client() {
    return client;
  }

  public List<TraceEntry> trace() {
    return trace.entries();
  }

  /** Flushes the recording, if one was asked for. */
  @Override
  public void close() throws Exception {
    onClose.close();
  }
}
