package dev.mailcheck.report.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * {@code --format json} of a many-domain run: one document, {@code {"schema": "mailcheck.batch/v1",
 * "reports": [...], "summary": {...}}}, each report a {@code mailcheck.report/v1} document
 * (docs/scale.md). Written as the reports come: one report per line inside the array.
 */
public final class JsonBatchRenderer implements BatchRenderer {
  public static final String SCHEMA = "mailcheck.batch/v1";

  private final JsonRenderer json;
  private boolean first = true;

  public JsonBatchRenderer(JsonRenderer json) {
    this.json = json;
  }

  @Override
  public void begin(Writer out) throws IOException {
    out.write("{\"schema\":\"" + SCHEMA + "\",\"reports\":[\n");
  }

  @Override
  public void report(Report report, Writer out) throws IOException {
    if (!first) out.write(",\n");
    first = false;
    java.io.StringWriter line = new java.io.StringWriter();
    json.renderLine(report, line);
    out.write(line.toString().stripTrailing());
  }

  @Override
  public void end(BatchSummary s, Writer out) throws IOException {
    out.write("\n],\"summary\":");
    out.write(
        JsonRenderer.mapper()
            .writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(summary(s)));
    out.write("}\n");
  }

  @Override
  public boolean carriesSummary() {
    return true;
  }

  static ObjectNode summary(BatchSummary s) {
    ObjectNode n = JsonRenderer.mapper().createObjectNode();
    n.put("read", s.read());
    n.put("written", s.written());
    n.put("interrupted", s.interrupted());
    n.put("durationMs", s.duration().toMillis());
    ObjectNode grades = n.putObject("grades");
    s.grades().forEach(grades::put);
    ObjectNode statuses = n.putObject("statuses");
    s.statuses().forEach(statuses::put);
    ArrayNode failing = n.putArray("failing");
    for (Map.Entry<String, Long> e : s.failing())
      failing.addObject().put("id", e.getKey()).put("domains", e.getValue());
    return n;
  }
}
