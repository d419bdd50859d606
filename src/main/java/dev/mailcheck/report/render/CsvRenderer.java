package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.view.BlocklistView;
import dev.mailcheck.report.view.DmarcReportView;
import dev.mailcheck.report.view.View;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --format csv}: RFC 4180 tables for spreadsheets and scripts. A report whose one view is a
 * table (the sources of {@code dmarc report}, the lookups of {@code blocklist}) prints that table;
 * every other report prints its findings, one per row. Cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @) get a leading apostrophe: the values come from reports and DNS
 * answers that anyone can write.
 */
public final class CsvRenderer implements Renderer {
  @Override
  public void render(Report report, Writer out) throws IOException {
    View only = report.views().size() == 1 ? report.views().get(0) : null;
    switch (only) {
      case DmarcReportView v -> sources(v, out);
      case BlocklistView v -> blocklist(v, out);
      case null, default -> findings(report, out);
    }
    out.flush();
  }

  private static void sources(DmarcReportView v, Writer out) throws IOException {
    row(
        out,
        "source_ip",
        "ptr",
        "provider",
        "classification",
        "messages",
        "dmarc_pass",
        "dmarc_fail",
        "dkim_aligned_pass",
        "spf_aligned_pass",
        "disposition_none",
        "disposition_quarantine",
        "disposition_reject",
        "overrides",
        "header_from",
        "dkim_results",
        "spf_results",
        "reporters");
    for (DmarcReportView.Source s : v.sources()) {
      row(
          out,
          s.ip(),
          String.join(" ", s.ptr()),
          s.provider(),
          s.classification(),
          Long.toString(s.messages()),
          Long.toString(s.dmarcPass()),
          Long.toString(s.messages() - s.dmarcPass()),
          Long.toString(s.dkimAligned()),
          Long.toString(s.spfAligned()),
          Long.toString(s.dispositions().getOrDefault("none", 0L)),
          Long.toString(s.dispositions().getOrDefault("quarantine", 0L)),
          Long.toString(s.dispositions().getOrDefault("reject", 0L)),
          counts(s.overrides()),
          counts(s.headerFrom()),
          counts(s.dkim()),
          counts(s.spf()),
          String.join("; ", s.reporters()));
    }
  }

  private static void blocklist(BlocklistView v, Writer out) throws IOException {
    row(
        out,
        "target",
        "kind",
        "role",
        "note",
        "list",
        "verdict",
        "answers",
        "meanings",
        "reason",
        "error",
        "query");
    for (BlocklistView.Target t : v.targets()) {
      if (!t.skipped().isEmpty()) {
        row(
            out,
            t.target(),
            t.kind(),
            t.role(),
            t.note(),
            "",
            "skipped",
            "",
            t.skipped(),
            "",
            "",
            "");
        continue;
      }
      for (BlocklistView.Result r : t.results())
        row(
            out,
            t.target(),
            t.kind(),
            t.role(),
            t.note(),
            r.list(),
            r.verdict(),
            String.join(" ", r.answers()),
            String.join("; ", r.meanings()),
            r.reason(),
            r.error(),
            r.query());
    }
  }

  private static void findings(Report report, Writer out) throws IOException {
    row(out, "id", "category", "status", "subject", "title", "detail", "remedy");
    for (Finding f : report.findings())
      row(
          out,
          f.id(),
          f.category(),
          f.status().token(),
          f.subject().orElse(""),
          f.title(),
          f.detail(),
          f.remedy().orElse(""));
  }

  private static String counts(Map<String, Long> m) {
    return m.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  static void row(Writer out, String... cells) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(cell(cells[i]));
    }
    sb.append("\r\n");
    out.write(sb.toString());
  }

  static String cell(String raw) {
    String s = raw == null ? "" : raw;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
    if (s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n'))
      return '"' + s.replace("\"", "\"\"") + '"';
    return s;
  }

  /** The columns of the findings table, for docs and tests. */
  static final List<String> FINDING_COLUMNS =
      List.of("id", "category", "status", "subject", "title", "detail", "remedy");
}
