package dev.mailcheck.report.render;

import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The text of a many-domain run: one line per domain (grade, score, status, the ids at fail or
 * error), then the summary. Domain names are A-labels and ids are catalog tokens, so the table
 * holds no text from DNS.
 */
public final class TextBatchRenderer implements BatchRenderer {
  @Override
  public void begin(Writer out) throws IOException {
    out.write(
        String.format(
                java.util.Locale.ROOT,
                "%-40s %-5s %5s  %-6s %s%n",
                "DOMAIN",
                "GRADE",
                "SCORE",
                "STATUS",
                "FAILING")
            .replace(System.lineSeparator(), "\n"));
  }

  @Override
  public void report(Report r, Writer out) throws IOException {
    List<String> failing = CsvBatchRenderer.failing(r);
    String line =
        String.format(
            java.util.Locale.ROOT,
            "%-40s %-5s %5s  %-6s %s",
            r.target(),
            r.score().map(Score::grade).orElse("-"),
            r.score().map(s -> Integer.toString(s.score())).orElse("-"),
            r.status().token(),
            String.join(" ", failing));
    out.write(line.stripTrailing() + "\n");
  }

  @Override
  public void end(BatchSummary summary, Writer out) throws IOException {
    out.write("\n");
    for (String l : BatchSummaryText.lines(summary)) out.write(l + "\n");
  }

  @Override
  public boolean carriesSummary() {
    return true;
  }
}
