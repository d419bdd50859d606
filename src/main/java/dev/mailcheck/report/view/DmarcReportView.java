package dev.mailcheck.report.view;

import java.util.List;
import java.util.Map;

/**
 * The {@code dmarc report} view: what the aggregate reports say, summed. Dates are ISO 8601 (UTC)
 * or empty.
 *
 * @param reports distinct reports read (duplicates once)
 * @param duplicates reports seen again and not counted
 * @param records records read
 * @param sources per source address, busiest first (all of them; the text shows the busiest)
 * @param inputs the inputs that were skipped or read with problems
 */
public record DmarcReportView(
    long reports,
    long duplicates,
    long records,
    long messages,
    String first,
    String last,
    List<Reporter> reporters,
    List<Domain> domains,
    List<Source> sources,
    List<Input> inputs)
    implements View {
  public DmarcReportView {
    reporters = List.copyOf(reporters);
    domains = List.copyOf(domains);
    sources = List.copyOf(sources);
    inputs = List.copyOf(inputs);
  }

  public record Reporter(
      String name, String email, long reports, long messages, String first, String last) {}

  /**
   * @param dmarcPass messages that passed DMARC
   * @param policies distinct p= values the reports saw
   * @param policy the p= of the latest report
   */
  public record Domain(
      String domain,
      long reports,
      long messages,
      long dmarcPass,
      List<String> policies,
      String policy,
      String first,
      String last) {
    public Domain {
      policies = List.copyOf(policies);
    }
  }

  /**
   * @param ptr the source's PTR names (with --resolve-ptr), else empty
   * @param ptrOutcome outcome of the PTR lookup, or empty when not asked
   * @param provider a known provider named by the PTR, DKIM or SPF domains, or empty
   * @param classification {@code aligned}, {@code unaligned}, {@code forwarded} or {@code spoofing}
   * @param dispositions messages per applied disposition
   * @param overrides messages per override reason
   * @param dkim messages per raw DKIM result ("d=example.com s=sel1 pass")
   * @param spf messages per raw SPF result ("example.com (mfrom) pass")
   * @param advice what would align it
   */
  public record Source(
      String ip,
      List<String> ptr,
      String ptrOutcome,
      String provider,
      String classification,
      long messages,
      long dmarcPass,
      long dkimAligned,
      long spfAligned,
      Map<String, Long> dispositions,
      Map<String, Long> overrides,
      Map<String, Long> headerFrom,
      Map<String, Long> dkim,
      Map<String, Long> spf,
      List<String> reporters,
      List<String> advice) {
    public Source {
      ptr = List.copyOf(ptr);
      dispositions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dispositions));
      overrides = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(overrides));
      headerFrom = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(headerFrom));
      dkim = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dkim));
      spf = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(spf));
      reporters = List.copyOf(reporters);
      advice = List.copyOf(advice);
    }
  }

  /**
   * @param read whether a report was read from it
   * @param reason why it was skipped, or "duplicate"
   * @param problems what could not be read of a report read in part
   */
  public record Input(String origin, boolean read, String reason, List<String> problems) {
    public Input {
      problems = List.copyOf(problems);
    }
  }
}
