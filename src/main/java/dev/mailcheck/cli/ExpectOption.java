package dev.mailcheck.cli;

import dev.mailcheck.checks.expect.ExpectEvaluator;
import dev.mailcheck.checks.expect.Expectation;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --expect FILE}: each domain's report gets the {@code expect.*} findings of its entry
 * (domains the file does not name get none), and warnings whose ids the entry lists under {@code
 * allow-warn} do not fail the run under {@code --fail-on warn}. Built only when the option is given
 * (it loads the YAML reader).
 */
final class ExpectOption {
  private final Map<String, Expectation> byDomain;

  private ExpectOption(Map<String, Expectation> byDomain) {
    this.byDomain = byDomain;
  }

  static ExpectOption read(Path file) {
    return new ExpectOption(ExpectationsFile.read(file));
  }

  Report apply(Report r) {
    Expectation e = byDomain.get(r.target());
    if (e == null) return r;
    List<Finding> all = new ArrayList<>(r.findings());
    all.addAll(ExpectEvaluator.evaluate(e, r));
    Report out =
        new Report(
            r.command(),
            r.target(),
            all,
            r.views(),
            r.score(),
            r.duration(),
            r.incomplete(),
            r.trace(),
            r.transcript());
    return out;
  }

  /** A warning whose id the domain's entry lists under allow-warn. */
  boolean excused(Report r, Finding f) {
    Expectation e = byDomain.get(r.target());
    return e != null && f.status() == Status.WARN && e.allowWarn().contains(f.id());
  }

  /** JUnit XML in which allow-warn warnings stay passes under {@code --fail-on warn}. */
  dev.mailcheck.report.render.JunitRenderer junit(Status failOn) {
    return new dev.mailcheck.report.render.JunitRenderer(failOn, this::excused);
  }

  /**
   * True when the report fails the run: incomplete, or a finding at or above the threshold that
   * allow-warn does not excuse.
   */
  boolean fails(Report r, Status failOn) {
    if (r.incomplete()) return true;
    return r.findings().stream()
        .filter(f -> !excused(r, f))
        .anyMatch(f -> f.status().atLeast(failOn));
  }

  int exitCode(Report r, Status failOn) {
    if (r.incomplete()) return ExitCode.COULD_NOT_RUN;
    return fails(r, failOn) ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
