package dev.mailcheck.report;

import dev.mailcheck.report.view.View;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one command found about one target. Immutable; renderers only read it.
 *
 * @param command the subcommand that produced it, e.g. {@code mx}, {@code domain}
 * @param target what was checked, as the user named it after normalization (A-labels)
 * @param incomplete true when the check could not run at all (exit code 3)
 * @param trace the DNS queries of the run, present when asked for (verbose)
 * @param transcript SMTP transcript lines, already redacted, present when asked for (verbose)
 */
public record Report(
    String command,
    String target,
    List<Finding> findings,
    List<View> views,
    Optional<Score> score,
    Duration duration,
    boolean incomplete,
    List<TraceLine> trace,
    List<String> transcript) {

  public Report {
    Objects.requireNonNull(command);
    Objects.requireNonNull(target);
    findings = List.copyOf(findings);
    views = List.copyOf(views);
    score = score == null ? Optional.empty() : score;
    trace = List.copyOf(trace);
    transcript = List.copyOf(transcript);
  }

  public Report(String command, String target, List<Finding> findings, List<View> views) {
    this(
        command,
        target,
        findings,
        views,
        Optional.empty(),
        Duration.ZERO,
        false,
        List.of(),
        List.of());
  }

  /** The worst status of all findings; pass for none. */
  public Status status() {
    return findings.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
  }

  public Report withScore(Score s) {
    return new Report(
        command, target, findings, views, Optional.of(s), duration, incomplete, trace, transcript);
  }

  public Report withDuration(Duration d) {
    return new Report(command, target, findings, views, score, d, incomplete, trace, transcript);
  }

  public Report withIncomplete(boolean inc) {
    return new Report(command, target, findings, views, score, duration, inc, trace, transcript);
  }

  public Report withTrace(List<TraceLine> t) {
    return new Report(command, target, findings, views, score, duration, incomplete, t, transcript);
  }

  public Report withTranscript(List<String> t) {
    return new Report(command, target, findings, views, score, duration, incomplete, trace, t);
  }

  /** Findings ordered by category (first appearance), then severity, worst first. */
  public List<Finding> findingsByCategory() {
    List<String> order = findings.stream().map(Finding::category).distinct().toList();
    return findings.stream()
        .sorted(
            Comparator.comparingInt((Finding f) -> order.indexOf(f.category()))
                .thenComparing(f -> -f.status().ordinal()))
        .toList();
  }

  public <T extends View> Optional<T> view(Class<T> kind) {
    return views.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /**
   * One DNS query as the trace shows it. Plain values so that report/ does not depend on dns/.
   *
   * @param answers presentation form of each answer record
   */
  public record TraceLine(
      String name,
      String type,
      String server,
      String outcome,
      List<String> answers,
      long millis,
      String transport,
      boolean cached) {
    public TraceLine {
      answers = List.copyOf(answers);
    }
  }
}
