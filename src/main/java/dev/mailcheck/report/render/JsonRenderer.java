package dev.mailcheck.report.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.view.BimiView;
import dev.mailcheck.report.view.BlocklistView;
import dev.mailcheck.report.view.CaaView;
import dev.mailcheck.report.view.DaneView;
import dev.mailcheck.report.view.DkimAuditView;
import dev.mailcheck.report.view.DkimVerifyView;
import dev.mailcheck.report.view.DmarcReportView;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.report.view.DnssecView;
import dev.mailcheck.report.view.DomainSmtpView;
import dev.mailcheck.report.view.MailboxView;
import dev.mailcheck.report.view.MessageView;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.MxView;
import dev.mailcheck.report.view.PortsView;
import dev.mailcheck.report.view.PostfixConfigView;
import dev.mailcheck.report.view.PostfixLogView;
import dev.mailcheck.report.view.PtrView;
import dev.mailcheck.report.view.SendView;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.report.view.TlsRptView;
import dev.mailcheck.report.view.View;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON contract, {@value #SCHEMA}: documented in docs/report.schema.json and checked against it
 * in tests. Fields are only ever added within v1; a rename or removal is a new version.
 */
public final class JsonRenderer implements Renderer {
  public static final String SCHEMA = "mailcheck.report/v1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .addMixIn(SmtpView.class, NonNull.class)
          .addMixIn(SmtpView.ReplyView.class, NonNull.class)
          .addMixIn(SmtpView.ExtensionsView.class, NonNull.class)
          .addMixIn(SmtpView.Tls.class, NonNull.class)
          .addMixIn(SmtpView.Legacy.class, NonNull.class)
          .addMixIn(SmtpView.Auth.class, NonNull.class)
          .addMixIn(SmtpView.Relay.class, NonNull.class)
          .addMixIn(SmtpView.FailureView.class, NonNull.class)
          .addMixIn(PortsView.class, NonNull.class)
          .addMixIn(PortsView.Port.class, NonNull.class)
          .addMixIn(MtaStsView.class, NonAbsent.class)
          .addMixIn(BimiView.class, NonAbsent.class)
          .addMixIn(MessageView.class, NonNull.class)
          .addMixIn(MessageView.Summary.class, NonNull.class)
          .addMixIn(MessageView.Trace.class, NonNull.class)
          .addMixIn(MessageView.Hop.class, NonNull.class)
          .addMixIn(MessageView.Arc.class, NonNull.class)
          .addMixIn(MessageView.BulkRule.class, NonNull.class)
          .addMixIn(MessageView.BounceRecipient.class, NonNull.class)
          .addMixIn(SpfView.class, SpfViewJson.class)
          .addMixIn(SpfView.Node.class, SpfNodeJson.class)
          .addMixIn(PostfixLogView.Input.class, NonAbsent.class)
          .addMixIn(PostfixConfigView.CertificateRow.class, NonAbsent.class)
          .addMixIn(SendView.class, NonNull.class)
          .addMixIn(SendView.Attempt.class, NonNull.class)
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

  /**
   * The report on one line (NDJSON, {@code --format ndjson}): the same document as {@link #render},
   * without indentation, then a newline.
   */
  public void renderLine(Report report, Writer out) throws IOException {
    MAPPER
        .writer()
        .without(SerializationFeature.INDENT_OUTPUT)
        .writeValue(new NonClosingWriter(out), toTree(report));
    out.write('\n');
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
    for (View view : report.views()) {
      root.set(key(view), MAPPER.valueToTree(view));
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

  /** The top-level key a view is written under (docs/report.schema.json). */
  public static String key(View view) {
    return switch (view) {
      case MxView v -> "mx";
      case PtrView v -> "ptr";
      case SmtpView v -> "smtp";
      case DomainSmtpView v -> "smtp";
      case PortsView v -> "ports";
      case SpfView v -> "spf";
      case DkimAuditView v -> "dkim";
      case DkimVerifyView v -> "dkim";
      case DmarcView v -> "dmarc";
      case DnssecView v -> "dnssec";
      case DaneView v -> "dane";
      case BlocklistView v -> "blocklist";
      case DmarcReportView v -> "dmarcReport";
      case MtaStsView v -> "mtaSts";
      case TlsRptView v -> "tlsRpt";
      case CaaView v -> "caa";
      case BimiView v -> "bimi";
      case PostfixLogView v -> "postfixLog";
      case PostfixConfigView v -> "postfixConfig";
      case MessageView v -> "message";
      case MailboxView v -> "messages";
      case SendView v -> "send";
    };
  }

  /** Absent facts (null) are left out, never written as null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private abstract static class NonNull {}

  /** Empty optionals are left out. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  private abstract static class NonAbsent {}

  /** Empty optionals and an empty {@code steps} list are left out. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  private abstract static class SpfViewJson {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<String> steps();
  }

  /** {@code voidLookup} is the key {@code void}; empty optionals and addresses are left out. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  private abstract static class SpfNodeJson {
    @JsonProperty("void")
    abstract boolean voidLookup();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<String> addresses();
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
