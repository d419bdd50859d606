package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Section;
import dev.mailcheck.report.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for people: a summary line, the command's sections, then findings grouped by
 * category, each with a mark, its detail and its remedy. Colour only when asked for (a TTY without
 * NO_COLOR); the marks carry the meaning without it.
 */
public final class TextRenderer implements Renderer {
  private final boolean color;
  private final boolean verbose;

  public TextRenderer(boolean color, boolean verbose) {
    this.color = color;
    this.verbose = verbose;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    var w = new Lines(out);
    w.line(bold(summary(report)));
    for (Section section : report.sections()) {
      List<String> lines = section.textLines();
      if (lines.isEmpty()) continue;
      w.line("");
      lines.forEach(w::line);
    }
    Map<String, List<Finding>> byCategory = new LinkedHashMap<>();
    for (Finding f : report.findingsByCategory()) {
      byCategory.computeIfAbsent(f.category(), k -> new java.util.ArrayList<>()).add(f);
    }
    report.score().ifPresent(s -> renderScore(s, w));
    for (var e : byCategory.entrySet()) {
      w.line("");
      String head = e.getKey().toUpperCase(java.util.Locale.ROOT);
      var cat = report.score().map(s -> s.categories().get(e.getKey()));
      if (cat.isPresent() && cat.get() != null) head += "  " + cat.get().score() + "/100";
      w.line(bold(head));
      for (Finding f : e.getValue()) {
        String subject = f.subject().map(s -> " [" + s + "]").orElse("");
        w.line("  " + mark(f.status()) + " " + f.title() + subject + dim("  (" + f.id() + ")"));
        if (!f.detail().isEmpty()) indent(w, f.detail(), "      ");
        for (String ev : f.evidence()) indent(w, ev, "      | ");
        f.remedy().ifPresent(r -> indent(w, "fix: " + r, "      "));
      }
    }
    if (verbose && !report.trace().isEmpty()) {
      w.line("");
      w.line(bold("DNS QUERIES"));
      for (Report.TraceLine t : report.trace()) {
        String answers = t.answers().isEmpty() ? "" : "  " + String.join(" | ", t.answers());
        w.line(
            String.format(
                "  %-40s %-5s %-8s %4d ms %s%s%s",
                t.name(),
                t.type(),
                t.outcome(),
                t.millis(),
                t.server(),
                t.cached() ? " (cached)" : "",
                answers));
      }
    }
    if (verbose && !report.transcript().isEmpty()) {
      w.line("");
      w.line(bold("SMTP TRANSCRIPT"));
      report.transcript().forEach(l -> w.line("  " + l));
    }
    out.flush();
  }

  private String summary(Report report) {
    var sb = new StringBuilder("mailcheck ").append(report.command()).append(' ').append(report.target());
    report.score().ifPresent(s -> sb.append(": grade ").append(s.grade()).append(", score ").append(s.score()).append("/100"));
    if (report.incomplete()) sb.append(": could not complete");
    else if (report.score().isEmpty()) sb.append(": ").append(report.status().token());
    sb.append(" (").append(report.duration().toMillis()).append(" ms)");
    return sb.toString();
  }

  private void renderScore(Score s, Lines w) {
    if (s.deductions().isEmpty() && s.caps().isEmpty()) return;
    w.line("");
    w.line(bold("SCORE"));
    for (Score.Deduction d : s.deductions()) w.line("  -" + d.points() + ": " + d.reason() + dim("  (" + d.findingId() + ")"));
    for (String cap : s.caps()) w.line("  cap: " + cap);
  }

  private static void indent(Lines w, String text, String prefix) {
    for (String line : text.split("\n", -1)) w.line(prefix + line);
  }

  String mark(Status status) {
    return switch (status) {
      case PASS -> paint("32", "[PASS]");
      case INFO -> paint("36", "[INFO]");
      case WARN -> paint("33", "[WARN]");
      case FAIL -> paint("31", "[FAIL]");
      case ERROR -> paint("35", "[ERR ]");
    };
  }

  private String bold(String s) {
    return paint("1", s);
  }

  private String dim(String s) {
    return paint("2", s);
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /** Every line ends with \n, whatever the platform: golden files and pipes stay stable. */
  private static final class Lines {
    private final Writer out;

    Lines(Writer out) {
      this.out = out;
    }

    void line(String s) {
      try {
        out.write(s);
        out.write('\n');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
