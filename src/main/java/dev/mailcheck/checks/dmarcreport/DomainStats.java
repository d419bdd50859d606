package dev.mailcheck.checks.dmarcreport;

import java.util.List;

/**
 * One reported domain ({@code policy_published/domain}): its messages, how many passed DMARC, and
 * the policies the reports saw published.
 *
 * @param policies distinct {@code p=} values in the reports, e.g. [none] or [none, quarantine]
 * @param currentPolicy the {@code p=} of the latest report (by end date), or empty
 */
public record DomainStats(
    String domain,
    long reports,
    long messages,
    long pass,
    List<String> policies,
    String currentPolicy,
    long first,
    long last) {
  public DomainStats {
    policies = List.copyOf(policies);
  }

  static final class Builder {
    final String domain;
    long reports, messages, pass, first, last;
    String current = "";
    final java.util.Set<String> policies = new java.util.TreeSet<>();

    Builder(String domain) {
      this.domain = domain;
    }

    void report(ReportMeta m) {
      reports++;
      if (!m.p().isEmpty()) policies.add(m.p());
      if (m.begin() > 0 && (first == 0 || m.begin() < first)) first = m.begin();
      if (m.end() >= last && !m.p().isEmpty()) current = m.p();
      if (m.end() > last) last = m.end();
    }

    DomainStats build() {
      return new DomainStats(
          domain, reports, messages, pass, List.copyOf(policies), current, first, last);
    }
  }
}
