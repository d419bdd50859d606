package dev.mailcheck.checks.dmarcreport;

import java.util.List;

/** What reading one report gave. */
sealed interface ParseOutcome {
  /**
   * Read, perhaps partly: {@code problems} says what could not be read (capped).
   *
   * @param duplicate the sink had seen the same report before
   */
  record Read(ReportMeta meta, long records, boolean duplicate, List<String> problems)
      implements ParseOutcome {
    public Read {
      problems = List.copyOf(problems);
    }
  }

  /** Not a DMARC aggregate report, or refused (DTD, bomb): skipped with a one-line reason. */
  record Skipped(String reason) implements ParseOutcome {
    /** The XML reader's own words can quote the input: control characters as U+XXXX. */
    public Skipped {
      reason = dev.mailcheck.internal.DomainNames.printable(reason);
    }
  }
}
