package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.text.ViewText;
import dev.mailcheck.report.view.View;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for people: a summary line, the command's sections, then findings grouped by category,
 * each with a mark, its detail and its remedy. Colour only when asked for (a TTY without NO_COLOR);
 * the marks carry the meaning without it.
 *
 * <p>Everything shown comes from what was inspected (TXT records, SMTP banners), so it is hostile
 * until proven otherwise: control characters (ESC, CR, backspace, C1, bidi overrides) are shown as
 * escapes such as {@code \x1b} and can never move the cursor or recolour the terminal.
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
    problemCount(report).ifPresent(p -> w.line(p));
    // What to fix first: every fail and error, then every warn, each with its remedy.
    List<Finding> problems =
        report.findings().stream()
            .filter(f -> f.status().atLeast(Status.WARN))
            .sorted(Comparator.comparingInt((Finding f) -> problemRank(f.status())))
            .toList();
    if (!problems.isEmpty()) {
      w.line("");
      w.line(bold("PROBLEMS"));
      for (Finding f : problems) finding(w, f);
    }
    report.score().ifPresent(s -> renderScore(s, w));
    // Then the data the findings rest on, then what passed and what is only information.
    for (View view : report.views()) {
      List<String> lines = ViewText.lines(view);
      if (lines.isEmpty()) continue;
      w.line("");
      for (String line : lines) oneLine(w, line, "");
    }
    Map<String, List<Finding>> byCategory = new LinkedHashMap<>();
    for (Finding f : report.findingsByCategory()) {
      if (f.status().atLeast(Status.WARN)) continue;
      byCategory.computeIfAbsent(f.category(), k -> new java.util.ArrayList<>()).add(f);
    }
    for (var e : byCategory.entrySet()) {
      w.line("");
      String head = safe(e.getKey().toUpperCase(java.util.Locale.ROOT));
      var cat = report.score().map(s -> s.categories().get(e.getKey()));
      if (cat.isPresent() && cat.get() != null) {
        head +=
            "  "
                + cat.get().score()
                + "/100"
                + (e.getKey().equals("mx")
                        && report.findings().stream().anyMatch(f -> f.category().equals("ptr"))
                    ? " (with PTR)"
                    : "");
      } else if (e.getKey().equals("ptr")
          && report.score().map(s -> s.categories().containsKey("mx")).orElse(false)) {
        // docs/scoring.md: PTR findings score in the MX category; say so where the score is
        // missing.
        head += "  (scored with MX)";
      }
      w.line(bold(head));
      for (Finding f : e.getValue()) finding(w, f);
    }
    if (verbose && !report.trace().isEmpty()) {
      w.line("");
      w.line(bold("DNS QUERIES"));
      for (Report.TraceLine t : report.trace()) {
        String answers = t.answers().isEmpty() ? "" : "  " + safe(String.join(" | ", t.answers()));
        w.line(
            String.format(
                java.util.Locale.ROOT,
                "  %-40s %-5s %-8s %4d ms %s%s%s",
                safe(t.name()),
                safe(t.type()),
                safe(t.outcome()),
                t.millis(),
                safe(t.server()),
                t.cached() ? " (cached)" : "",
                answers));
      }
    }
    if (verbose && !report.transcript().isEmpty()) {
      w.line("");
      w.line(bold("SMTP TRANSCRIPT"));
      report.transcript().forEach(l -> indent(w, l, "  "));
    }
    out.flush();
  }

  /** fail and error first (what is broken or unknown), then warn. */
  private static int problemRank(Status s) {
    return switch (s) {
      case FAIL -> 0;
      case ERROR -> 1;
      default -> 2;
    };
  }

  /** One finding: mark, title, subject and id, then its detail, evidence and remedy. */
  private void finding(Lines w, Finding f) {
    String subject = f.subject().map(s -> " [" + safe(s) + "]").orElse("");
    w.line("  " + mark(f.status()) + " " + safe(f.title()) + subject + dim("  (" + f.id() + ")"));
    if (!f.detail().isEmpty()) wrap(w, f.detail(), "      ", "      ");
    for (String ev : f.evidence()) oneLine(w, ev, "      | ");
    f.remedy().ifPresent(r -> wrap(w, r, "      fix: ", "           "));
  }

  /**
   * The second line of the report when something is wrong: how many problems of each kind, and,
   * when some checks could not be determined, that the result is incomplete (a temporary DNS
   * failure is not absence, and the grade does not count what it could not see).
   */
  private static java.util.Optional<String> problemCount(Report report) {
    long fail = report.findings().stream().filter(f -> f.status() == Status.FAIL).count();
    long error = report.findings().stream().filter(f -> f.status() == Status.ERROR).count();
    long warn = report.findings().stream().filter(f -> f.status() == Status.WARN).count();
    if (fail + error + warn == 0) return java.util.Optional.empty();
    List<String> parts = new java.util.ArrayList<>();
    if (fail > 0) parts.add(fail + " failed");
    if (error > 0) parts.add(error + " could not be determined");
    if (warn > 0) parts.add(warn + " warning" + (warn == 1 ? "" : "s"));
    String incomplete =
        error == 0
            ? ""
            : report.score().isPresent()
                ? "; the score is incomplete: what could not be determined counts as failed"
                : "; the result is incomplete";
    return java.util.Optional.of("  " + String.join(", ", parts) + incomplete);
  }

  private String summary(Report report) {
    var sb =
        new StringBuilder("mailcheck ")
            .append(safe(report.command()))
            .append(' ')
            .append(safe(report.target()));
    report
        .score()
        .ifPresent(
            s ->
                sb.append(": grade ")
                    .append(safe(s.grade()))
                    .append(", score ")
                    .append(s.score())
                    .append("/100"));
    if (report.incomplete()) sb.append(": could not complete");
    else if (report.score().isEmpty()) sb.append(": ").append(report.status().token());
    sb.append(" (").append(report.duration().toMillis()).append(" ms)");
    return sb.toString();
  }

  private void renderScore(Score s, Lines w) {
    if (s.deductions().isEmpty() && s.caps().isEmpty()) return;
    w.line("");
    w.line(bold("SCORE"));
    for (Score.Deduction d : s.deductions())
      w.line("  -" + d.points() + ": " + safe(d.reason()) + dim("  (" + safe(d.findingId()) + ")"));
    for (String cap : s.caps()) w.line("  cap: " + safe(cap));
  }

  /**
   * A section line or an evidence item: one output line whatever it holds. A line end inside it (a
   * TXT record or a banner carrying LF) is shown as {@code \x0a}, so inspected data can never start
   * a line of its own and pass for mailcheck's output ("[PASS] ..."); one line end at the very end
   * (an SMTP reply's CRLF) is dropped.
   */
  private static void oneLine(Lines w, String text, String prefix) {
    String t =
        text.endsWith("\r\n")
            ? text.substring(0, text.length() - 2)
            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    w.line(prefix + safe(t));
  }

  /** Prose (details, remedies) wraps at this width; data (evidence, records) never does. */
  static final int WIDTH = 80;

  /**
   * Prose wrapped at {@link #WIDTH} columns the way the reports wrap it: {@code first} before the
   * first line, {@code rest} before the others, quoted strings and overlong words kept whole.
   */
  public static List<String> wrapped(String text, String first, String rest) {
    StringWriter sw = new StringWriter();
    wrap(new Lines(sw), text, first, rest);
    return sw.toString().lines().toList();
  }

  /**
   * Like {@link #hang}, wrapping each line of prose at {@link #WIDTH} columns on spaces, so that
   * the report reads on an 80-column terminal. A word longer than the line (a record, a URL) stays
   * whole.
   */
  private static void wrap(Lines w, String text, String first, String rest) {
    String[] lines = text.split("\r?\n", -1);
    int n = lines.length > 1 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    boolean firstLine = true;
    for (int i = 0; i < n; i++) {
      String line = safe(lines[i]);
      String prefix = firstLine ? first : rest;
      firstLine = false;
      StringBuilder cur = new StringBuilder(prefix);
      int width = prefix.length();
      boolean empty = true;
      for (String word : words(line)) {
        if (!empty && width + 1 + word.length() > WIDTH) {
          w.line(cur.toString());
          cur = new StringBuilder(rest);
          width = rest.length();
          empty = true;
        }
        if (!empty) {
          cur.append(' ');
          width++;
        }
        cur.append(word);
        width += word.length();
        empty = false;
      }
      w.line(cur.toString());
    }
  }

  /**
   * The words of a line, with a quoted string ("v=DMARC1; p=reject") kept as one word: a record to
   * copy must not be broken across lines.
   */
  private static List<String> words(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = null;
    for (String part : line.split(" ", -1)) {
      if (cur == null) cur = new StringBuilder(part);
      else cur.append(' ').append(part);
      if (cur.chars().filter(c -> c == '"').count() % 2 == 0) {
        out.add(cur.toString());
        cur = null;
      }
    }
    if (cur != null) out.add(cur.toString());
    return out;
  }

  /** One output line per line of text (LF or CRLF), each made safe and prefixed. */
  private static void indent(Lines w, String text, String prefix) {
    hang(w, text, prefix, prefix);
  }

  /**
   * Like {@link #indent} with a different prefix for the first line ({@code fix: }) and one line
   * end at the very end (an SMTP reply's CRLF) not shown as an empty line.
   */
  private static void hang(Lines w, String text, String first, String rest) {
    String[] lines = text.split("\r?\n", -1);
    int n = lines.length > 1 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    for (int i = 0; i < n; i++) w.line((i == 0 ? first : rest) + safe(lines[i]));
  }

  /**
   * The text with every character that could steer a terminal escaped: C0 controls but tab, DEL, C1
   * controls, line/paragraph separators and the bidi embedding, override and isolate marks.
   */
  static String safe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad =
          (c < 0x20 && c != '\t')
              || (c >= 0x7f && c <= 0x9f)
              || c == '\u2028'
              || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069');
      if (bad && sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      if (sb == null) continue;
      if (!bad) sb.append(c);
      else if (c <= 0xff) sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      else sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
    }
    return sb == null ? s : sb.toString();
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
