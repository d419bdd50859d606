package dev.mailcheck.report.render;

import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Report;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the reports of a many-domain run as they come, one at a time, between a beginning and an
 * end: NDJSON, CSV, a text table, one JSON document, JUnit XML, SARIF. Like {@link Renderer}, it
 * only reads reports; it holds no more than the current report (the output streams).
 */
public interface BatchRenderer {
  default void begin(Writer out) throws IOException {}

  void report(Report report, Writer out) throws IOException;

  /** Writes what closes the output; the summary for formats that carry one. */
  default void end(BatchSummary summary, Writer out) throws IOException {}

  /** True when {@link #end} writes the summary into the output (else it goes to stderr). */
  default boolean carriesSummary() {
    return false;
  }
}
