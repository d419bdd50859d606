package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dmarc.PublicSuffixes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums the records of every report as they stream in, per source address, per reporter and per
 * domain; a report seen before (same reporter, same report id) is counted once. Memory grows with
 * the distinct sources (bounded by {@link ReportLimits#maxSources}), never with the records.
 */
final class ReportAggregator implements ReportSink {
  static final String OTHER = "other";

  private final ReportLimits limits;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Mutable> sources = new LinkedHashMap<>();
  private final Map<String, ReporterStats.Builder> reporters = new LinkedHashMap<>();
  private final Map<String, DomainStats.Builder> domains = new LinkedHashMap<>();
  private final Map<String, String> orgDomains = new HashMap<>();
  private ReportMeta current;
  long reports;
  long duplicates;
  long records;

  ReportAggregator(ReportLimits limits) {
    this.limits = limits;
  }

  @Override
  public boolean begin(ReportMeta meta) {
    if (!seen.add(meta.identity())) {
      duplicates++;
      return false;
    }
    current = meta;
    reports++;
    reporters
        .computeIfAbsent(
            meta.orgName().isEmpty() ? "(unnamed reporter)" : meta.orgName(),
            ReporterStats.Builder::new)
        .report(meta);
    if (!meta.domain().isEmpty())
      domains.computeIfAbsent(meta.domain(), DomainStats.Builder::new).report(meta);
    return true;
  }

  @Override
  public void row(ReportRow row) {
    records++;
    String reporter = current.orgName().isEmpty() ? "(unnamed reporter)" : current.orgName();
    reporters.get(reporter).messages += row.count();
    String domain = current.domain().isEmpty() ? row.headerFrom() : current.domain();
    DomainStats.Builder d = domains.computeIfAbsent(domain, DomainStats.Builder::new);
    d.messages += row.count();
    if (row.dmarcPass()) d.pass += row.count();
    String key = row.sourceIp();
    Mutable s = sources.get(key);
    if (s == null) {
      if (sources.size() >= limits.maxSources()) key = OTHER;
      s = sources.computeIfAbsent(key, Mutable::new);
    }
    s.add(row, reporter, this::aligned);
  }

  /** Relaxed alignment (RFC 7489 §3.1): the same organizational domain. */
  private boolean aligned(String authDomain, String from) {
    if (authDomain.isEmpty() || from.isEmpty()) return false;
    return org(authDomain).equals(org(from));
  }

  private String org(String d) {
    return orgDomains.computeIfAbsent(d, x -> safeOrg(x));
  }

  private static String safeOrg(String d) {
    try {
      return PublicSuffixes.organizationalDomain(d);
    } catch (RuntimeException e) {
      return d;
    }
  }

  List<SourceStats> sources() {
    return sources.values().stream()
        .map(Mutable::snapshot)
        .sorted(
            Comparator.comparingLong(SourceStats::messages)
                .reversed()
                .thenComparing(SourceStats::ip))
        .toList();
  }

  List<ReporterStats> reporters() {
    return reporters.values().stream().map(ReporterStats.Builder::build).toList();
  }

  List<DomainStats> domains() {
    return domains.values().stream().map(DomainStats.Builder::build).toList();
  }

  interface Aligner {
    boolean aligned(String authDomain, String from);
  }

  private static final class Mutable {
    final String ip;
    long messages, dmarcPass, dkimAligned, spfAligned;
    long failUnaligned, failOwnDkim, failSpfOwn, failOverride, failNoAuth;
    final Map<String, Long> dispositions = new LinkedHashMap<>();
    final Map<String, Long> overrides = new LinkedHashMap<>();
    final Map<String, Long> headerFrom = new LinkedHashMap<>();
    final Map<String, Long> dkimSignatures = new LinkedHashMap<>();
    final Map<String, Long> spfDomains = new LinkedHashMap<>();
    final Set<String> reporters = new LinkedHashSet<>();

    Mutable(String ip) {
      this.ip = ip;
    }

    void add(ReportRow r, String reporter, Aligner a) {
      long n = r.count();
      messages += n;
      if (r.dmarcPass()) dmarcPass += n;
      if (r.dkim().equals("pass")) dkimAligned += n;
      if (r.spf().equals("pass")) spfAligned += n;
      bump(dispositions, r.disposition(), n);
      for (String o : r.overrides()) bump(overrides, o, n);
      bump(headerFrom, r.headerFrom(), n);
      for (ReportRow.AuthResult d : r.dkimResults())
        bump(dkimSignatures, "d=" + d.domain() + " s=" + d.selector() + " " + d.result(), n);
      for (ReportRow.AuthResult s : r.spfResults())
        bump(
            spfDomains,
            s.domain()
                + " ("
                + (s.selector().isEmpty() ? "mfrom" : s.selector())
                + ") "
                + s.result(),
            n);
      if (reporters.size() < Limits.REPORT_KEYS_PER_SOURCE) reporters.add(reporter);
      if (r.dmarcPass()) return;
      boolean rawPass =
          r.dkimResults().stream().anyMatch(d -> d.result().equals("pass"))
              || r.spfResults().stream().anyMatch(s -> s.result().equals("pass"));
      boolean ownDkimBroken =
          r.dkimResults().stream()
              .anyMatch(d -> !d.result().equals("pass") && a.aligned(d.domain(), r.headerFrom()));
      boolean ownSpfFail =
          r.spfResults().stream()
              .anyMatch(
                  s ->
                      s.result().matches("fail|softfail") && a.aligned(s.domain(), r.headerFrom()));
      boolean override =
          r.overrides().stream()
              .anyMatch(o -> o.matches("forwarded|mailing_list|trusted_forwarder|local_policy"));
      if (override) failOverride += n;
      else if (rawPass) failUnaligned += n;
      else if (ownDkimBroken) failOwnDkim += n;
      else if (ownSpfFail) failSpfOwn += n;
      else failNoAuth += n;
    }

    private static void bump(Map<String, Long> m, String k, long n) {
      if (k.isEmpty()) return;
      if (m.containsKey(k) || m.size() < Limits.REPORT_KEYS_PER_SOURCE) m.merge(k, n, Long::sum);
      else m.merge("(other)", n, Long::sum);
    }

    SourceStats snapshot() {
      return new SourceStats(
          ip,
          messages,
          dmarcPass,
          dkimAligned,
          spfAligned,
          failUnaligned,
          failOwnDkim,
          failSpfOwn,
          failOverride,
          failNoAuth,
          dispositions,
          overrides,
          headerFrom,
          dkimSignatures,
          spfDomains,
          new ArrayList<>(reporters));
    }
  }
}
