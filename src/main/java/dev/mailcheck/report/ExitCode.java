package dev.mailcheck.report;

/**
 * The process exit codes, documented in README.md and in {@code mailcheck --help}. Kept outside
 * {@code cli/} so that every layer names them the same way.
 */
public final class ExitCode {
  /** Nothing at or above the {@code --fail-on} threshold. */
  public static final int OK = 0;

  /** At least one finding at or above the {@code --fail-on} threshold. */
  public static final int FINDINGS = 1;

  /** Usage or input error: bad option, bad domain, bad port, unreadable file. */
  public static final int USAGE = 2;

  /** The check could not run: resolver unreachable, every server timed out, internal error. */
  public static final int COULD_NOT_RUN = 3;

  private ExitCode() {}

  /** The exit code for a finished report under a threshold. */
  public static int of(Report report, Status failOn) {
    if (report.incomplete()) return COULD_NOT_RUN;
    return report.status().atLeast(failOn) ? FINDINGS : OK;
  }
}
