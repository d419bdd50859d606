package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.scoring.Scoring;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format csv} of a many-domain run: one row per domain with its status, grade, score, the
 * score of each category (empty when not scored) and the ids at fail or error, space-separated.
 */
public final class CsvBatchRenderer implements BatchRenderer {
  @Override
  public void begin(Writer out) throws IOException {
    List<String> head = new ArrayList<>(List.of("domain", "status", "grade", "score"));
    head.addAll(Scoring.CATEGORIES);
    head.addAll(List.of("failing", "duration_ms"));
    CsvRenderer.row(out, head.toArray(String[]::new));
  }

  @Override
  public void report(Report r, Writer out) throws IOException {
    List<String> row = new ArrayList<>();
    row.add(r.target());
    row.add(r.status().token());
    row.add(r.score().map(Score::grade).orElse(""));
    row.add(r.score().map(s -> Integer.toString(s.score())).orElse(""));
    for (String c : Scoring.CATEGORIES) {
      Score.CategoryScore cs = r.score().map(s -> s.categories().get(c)).orElse(null);
      row.add(cs == null ? "" : Integer.toString(cs.score()));
    }
    row.add(String.join(" ", failing(r)));
    row.add(Long.toString(r.duration().toMillis()));
    CsvRenderer.row(out, row.toArray(String[]::new));
  }

  /** The distinct ids at fail or error, in report order. */
  static List<String> failing(Report r) {
    return r.findings().stream()
        .filter(f -> f.status().atLeast(Status.FAIL))
        .map(Finding::id)
        .distinct()
        .toList();
  }
}
