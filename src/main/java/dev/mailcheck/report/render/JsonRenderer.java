package dev.mailcheck.report.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Section;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON contract, {@value #SCHEMA}: documented in docs/report.schema.json and checked against it
 * in tests. Fields are only ever added within v1; a rename or removal is a new version.
 */
public final class JsonRenderer implements Renderer {
  public static final String SCHEMA = "mailcheck.report/v1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .addMixIn(Section.class, SectionMixIn.class)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  static {
    MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
  }

  /** Two-space indent and LF line ends on every platform, like the text renderer. */
  private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter PRETTY =
      new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
          .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));

  private final String toolVersion;
  private final boolean includeTrace;

  public JsonRenderer(String toolVersion, boolean includeTrace) {
    this.toolVersion = toolVersion;
    this.includeTrace = includeTrace;
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    MAPPER.writer(PRETTY).writeValue(new NonClosingWriter(out), toTree(report));
    out.write('\n');
    out.flush();
  }

  public ObjectNode toTree(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "mailcheck");
    tool.put("version", toolVersion);
    root.put("command", report.command());
    root.put("target", report.target());
    root.put("status", report.status().token());
    root.put("incomplete", report.incomplete());
    root.put("durationMs", report.duration().toMillis());
    report
        .score()
        .ifPresent(
            s -> {
              root.put("score", s.score());
              root.put("grade", s.grade());
              ObjectNode cats = root.putObject("categories");
              s.categories().entrySet().stream()
                  .sorted(java.util.Map.Entry.comparingByKey())
                  .forEach(
                      e -> {
                        ObjectNode c = cats.putObject(e.getKey());
                        c.put("score", e.getValue().score());
                        c.put("status", e.getValue().status().token());
                      });
              ArrayNode ded = root.putArray("deductions");
              s.deductions()
                  .forEach(
                      d ->
                          ded.addObject()
                              .put("points", d.points())
                              .put("id", d.findingId())
                              .put("reason", d.reason()));
              ArrayNode caps = root.putArray("caps");
              s.caps().forEach(caps::add);
            });
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("id", f.id());
      n.put("category", f.category());
      n.put("status", f.status().token());
      n.put("title", f.title());
      n.put("detail", f.detail());
      f.remedy().ifPresent(r -> n.put("remedy", r));
      f.subject().ifPresent(s -> n.put("subject", s));
      if (!f.evidence().isEmpty()) {
        ArrayNode ev = n.putArray("evidence");
        f.evidence().forEach(ev::add);
      }
    }
    for (Section section : report.sections()) {
      root.set(section.key(), MAPPER.valueToTree(section));
    }
    if (includeTrace) {
      ArrayNode dns = root.putArray("dns");
      for (Report.TraceLine t : report.trace()) {
        ObjectNode q = dns.addObject();
        q.put("name", t.name());
        q.put("type", t.type());
        q.put("server", t.server());
        q.put("outcome", t.outcome());
        ArrayNode answers = q.putArray("answers");
        t.answers().forEach(answers::add);
        q.put("ms", t.millis());
        q.put("transport", t.transport());
        q.put("cached", t.cached());
      }
      if (!report.transcript().isEmpty()) {
        ArrayNode tr = root.putArray("transcript");
        report.transcript().forEach(tr::add);
      }
    }
    return root;
  }

  /**
   * Beyond JSON's own escapes (C0 controls, quote, backslash), escapes DEL, the C1 controls, U+2028
   * and U+2029, and the bidi embedding, override and isolate marks: values come from hostile DNS
   * and SMTP servers, and {@code jq -r} would otherwise print them raw to a terminal.
   */
  private static final class TerminalSafeEscapes
      extends com.fasterxml.jackson.core.io.CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    TerminalSafeEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int c) {
      boolean bad =
          (c >= 0x80 && c <= 0x9f)
              || c == 0x2028
              || c == 0x2029
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069);
      return bad
          ? new com.fasterxml.jackson.core.io.SerializedString(
              String.format(java.util.Locale.ROOT, "\\u%04X", c))
          : null;
    }
  }

  /** Keeps the rendering hooks of {@link Section} out of the JSON. */
  private abstract static class SectionMixIn {
    @com.fasterxml.jackson.annotation.JsonIgnore
    abstract String key();

    @com.fasterxml.jackson.annotation.JsonIgnore
    abstract java.util.List<String> textLines();
  }

  /** Jackson closes the writer it is given; stdout must stay open. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
