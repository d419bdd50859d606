package dev.mailcheck.report.render;

import dev.mailcheck.report.Report;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format ndjson}: one {@code mailcheck.report/v1} document per line, each valid against
 * docs/report.schema.json on its own; nothing else on stdout (the summary goes to stderr).
 */
public final class NdjsonBatchRenderer implements BatchRenderer {
  private final JsonRenderer json;

  public NdjsonBatchRenderer(JsonRenderer json) {
    this.json = json;
  }

  @Override
  public void report(Report report, Writer out) throws IOException {
    json.renderLine(report, out);
  }
}
