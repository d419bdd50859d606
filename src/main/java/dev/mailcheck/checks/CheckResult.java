package dev.mailcheck.checks;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.View;
import java.util.List;
import java.util.Objects;

/**
 * What every check gives back: the facts it fetched (for composition, e.g. the domain report's
 * cross-checks), its findings, its views, the transcript of any protocol session, and whether it
 * could determine anything at all.
 *
 * @param undetermined nothing could be determined (exit code 3)
 */
public record CheckResult<F>(
    F facts,
    List<Finding> findings,
    List<View> views,
    List<String> transcript,
    boolean undetermined) {
  public CheckResult {
    Objects.requireNonNull(facts);
    findings = List.copyOf(findings);
    views = List.copyOf(views);
    transcript = List.copyOf(transcript);
  }

  /** The one view of a single check. */
  public View view() {
    if (views.size() != 1) throw new IllegalStateException(views.size() + " views");
    return views.get(0);
  }
}
