package dev.mailcheck.dns;

import java.util.List;

/**
 * One question as the run's trace records it.
 *
 * @param server the server that gave the final outcome ("cache", "replay" where no server was
 *     asked)
 * @param transport UDP or TCP (after a truncated UDP answer)
 */
public record TraceEntry(
    DnsQuestion question,
    String server,
    String outcome,
    List<String> answers,
    long millis,
    String transport,
    boolean cached) {
  public TraceEntry {
    answers = List.copyOf(answers);
  }
}
