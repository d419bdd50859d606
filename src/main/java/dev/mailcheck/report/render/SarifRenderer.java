package dev.mailcheck.report.render;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --format sarif}: SARIF 2.1.0 for code-scanning dashboards. One run; one rule per finding
 * id that appears (short description: the catalog title; help: the first remedy given for it, else
 * the title); one result per finding that is not {@code pass} ({@code fail} and {@code error} are
 * level error, {@code warn} warning, {@code info} note), located at the DNS name it is about: the
 * report's target as the artifact, and the finding's subject (an MX host, a DKIM selector) as a
 * logical location. Results stream; the rules follow them in the same run object (JSON member order
 * carries no meaning), so that a many-domain run holds one report at a time.
 */
public final class SarifRenderer implements Renderer, BatchRenderer {
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final ObjectWriter LINE =
      JsonRenderer.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private final String toolVersion;
  private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
  private final Map<String, ObjectNode> rules = new LinkedHashMap<>();
  private boolean first = true;

  public SarifRenderer(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    begin(out);
    report(report, out);
    end(null, out);
    out.flush();
  }

  @Override
  public void begin(Writer out) throws IOException {
    out.write(
        "{\"$schema\":\""
            + SCHEMA_URI
            + "\",\"version\":\"2.1.0\",\"runs\":[{\"columnKind\":\"utf16CodeUnits\",\"results\":[\n");
  }

  @Override
  public void report(Report r, Writer out) throws IOException {
    for (Finding f : r.findings()) {
      if (f.status() == Status.PASS) continue;
      if (!first) out.write(",\n");
      first = false;
      out.write(LINE.writeValueAsString(result(r, f)));
    }
  }

  @Override
  public void end(BatchSummary summary, Writer out) throws IOException {
    ObjectNode tool = JsonRenderer.mapper().createObjectNode();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", "mailcheck");
    driver.put("version", toolVersion);
    ArrayNode list = driver.putArray("rules");
    for (ObjectNode rule : rules.values()) {
      // an id that never came with a remedy: its catalog title, the id's entry in docs/checks.md
      if (!rule.has("help"))
        rule.putObject("help")
            .put("text", rule.get("shortDescription").get("text").asText() + " (docs/checks.md)");
      list.add(rule);
    }
    out.write("\n],\"tool\":");
    out.write(LINE.writeValueAsString(tool));
    out.write("}]}\n");
  }

  private ObjectNode result(Report r, Finding f) {
    int index = rule(f);
    ObjectNode n = JsonRenderer.mapper().createObjectNode();
    n.put("ruleId", f.id());
    n.put("ruleIndex", index);
    n.put("level", level(f.status()));
    String text = f.title() + (f.detail().isEmpty() ? "" : ". " + f.detail());
    n.putObject("message").put("text", text);
    ArrayNode locations = n.putArray("locations");
    ObjectNode loc = locations.addObject();
    ObjectNode physical = loc.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", r.target());
    physical.putObject("region").put("startLine", 1);
    ObjectNode logical = loc.putArray("logicalLocations").addObject();
    String where = f.subject().orElse(r.target());
    logical.put("name", where);
    logical.put("fullyQualifiedName", r.target() + (f.subject().isPresent() ? "/" + where : ""));
    logical.put("kind", "resource");
    n.putObject("partialFingerprints")
        .put("mailcheck/v1", r.target() + "|" + f.id() + "|" + f.subject().orElse(""));
    ObjectNode props = n.putObject("properties");
    props.put("status", f.status().token());
    props.put("category", f.category());
    return n;
  }

  /** Registers the finding's rule on first sight; its help is the first remedy seen. */
  private int rule(Finding f) {
    Integer known = ruleIndex.get(f.id());
    ObjectNode existing = rules.get(f.id());
    if (known != null) {
      if (f.remedy().isPresent() && !existing.has("help"))
        existing.putObject("help").put("text", f.remedy().get());
      return known;
    }
    FindingId kind = f.kind();
    ObjectNode rule = JsonRenderer.mapper().createObjectNode();
    rule.put("id", kind.id());
    rule.put("name", kind.name());
    rule.putObject("shortDescription").put("text", kind.title());
    f.remedy().ifPresent(m -> rule.putObject("help").put("text", m));
    rule.putObject("properties").put("category", kind.category().token());
    int i = rules.size();
    rules.put(kind.id(), rule);
    ruleIndex.put(kind.id(), i);
    return i;
  }

  private static String level(Status s) {
    return switch (s) {
      case PASS -> "none";
      case INFO -> "note";
      case WARN -> "warning";
      case FAIL, ERROR -> "error";
    };
  }
}
