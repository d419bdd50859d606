package dev.mailcheck.checks.dmarcreport;

import java.util.List;
import java.util.Map;

/**
 * What the inputs held: every report summed (duplicates once), what could not be read and why, and
 * the PTR names of the busiest sources when asked for.
 *
 * @param inputs one note per input read or skipped (files, archive entries, attachments)
 * @param sources per source address, busiest first
 * @param ptr reverse DNS per source address (only with PTR resolution)
 */
public record DmarcReportFacts(
    long reports,
    long duplicates,
    long records,
    List<InputNote> inputs,
    List<ReporterStats> reporters,
    List<DomainStats> domains,
    List<SourceStats> sources,
    Map<String, PtrInfo> ptr) {
  public DmarcReportFacts {
    inputs = List.copyOf(inputs);
    reporters = List.copyOf(reporters);
    domains = List.copyOf(domains);
    sources = List.copyOf(sources);
    ptr = Map.copyOf(ptr);
  }

  /**
   * @param origin the file, {@code file.zip!entry.xml} or {@code file.eml#attachment}
   * @param read whether a report was read from it (perhaps partly: see {@code problems})
   * @param reason why it was skipped, or for a report, "duplicate" when it was seen before
   */
  public record InputNote(String origin, boolean read, String reason, List<String> problems) {
    public InputNote {
      problems = List.copyOf(problems);
    }
  }

  /**
   * @param outcome the PTR lookup's outcome (NOERROR, NXDOMAIN, TIMEOUT...)
   */
  public record PtrInfo(List<String> names, String outcome) {
    public PtrInfo {
      names = List.copyOf(names);
    }
  }
}
