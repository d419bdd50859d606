package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.DmarcReportView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * {@code mailcheck dmarc report}: reads aggregate reports from files, archives and mail, sums them,
 * looks up the PTR of the busiest sources when asked (in parallel, cached by the run's resolver,
 * each bounded by its timeout), and advises.
 */
public final class DmarcReportCheck implements Check<DmarcReportCheck.Query, DmarcReportFacts> {
  /** PTR lookups outstanding at once. */
  static final int PTR_IN_FLIGHT = 64;

  /**
   * @param inputs files and directories
   * @param resolvePtr whether to look up the PTR names of the sources
   */
  public record Query(List<Path> inputs, boolean resolvePtr, ReportLimits limits) {
    public Query {
      inputs = List.copyOf(inputs);
    }
  }

  @Override
  public CompletableFuture<DmarcReportFacts> fetch(Query q, CheckContext ctx) {
    return ctx.async(() -> read(q))
        .thenCompose(
            facts -> {
              if (!q.resolvePtr() || facts.sources().isEmpty())
                return CompletableFuture.completedFuture(facts);
              return ptr(facts, q.limits(), ctx).thenApply(p -> withPtr(facts, p));
            });
  }

  /** Reads and sums every input: the file half of the fetch, usable without a resolver. */
  public static DmarcReportFacts read(Query q) {
    ReportAggregator agg = new ReportAggregator(q.limits());
    ReportInputs inputs = new ReportInputs(q.limits(), agg);
    for (Path p : q.inputs()) inputs.readPath(p);
    return new DmarcReportFacts(
        agg.reports,
        agg.duplicates,
        agg.records,
        inputs.notes(),
        agg.reporters(),
        agg.domains(),
        agg.sources(),
        Map.of());
  }

  private static CompletableFuture<Map<String, DmarcReportFacts.PtrInfo>> ptr(
      DmarcReportFacts facts, ReportLimits limits, CheckContext ctx) {
    Semaphore gate = new Semaphore(PTR_IN_FLIGHT);
    Map<String, CompletableFuture<DmarcReportFacts.PtrInfo>> lookups = new LinkedHashMap<>();
    for (SourceStats s : facts.sources().stream().limit(limits.maxPtrLookups()).toList()) {
      var address = InetAddresses.parse(s.ip());
      if (address.isEmpty()) continue;
      String name = InetAddresses.reverseName(address.get());
      lookups.put(
          s.ip(),
          ctx.async(
              () -> {
                gate.acquireUninterruptibly();
                try {
                  DnsResult r = ctx.dns().query(DnsQuestion.of(name, RecordType.PTR)).join();
                  List<String> names =
                      r instanceof DnsResult.Records rs
                          ? rs.of(DnsRecord.Ptr.class).stream()
                              .map(DnsRecord.Ptr::target)
                              .distinct()
                              .limit(4)
                              .toList()
                          : List.of();
                  return new DmarcReportFacts.PtrInfo(names, r.outcome());
                } finally {
                  gate.release();
                }
              }));
    }
    return CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              Map<String, DmarcReportFacts.PtrInfo> out = new LinkedHashMap<>();
              lookups.forEach((ip, f) -> out.put(ip, f.join()));
              return out;
            });
  }

  private static DmarcReportFacts withPtr(
      DmarcReportFacts f, Map<String, DmarcReportFacts.PtrInfo> ptr) {
    return new DmarcReportFacts(
        f.reports(),
        f.duplicates(),
        f.records(),
        f.inputs(),
        f.reporters(),
        f.domains(),
        f.sources(),
        ptr);
  }

  @Override
  public List<Finding> evaluate(Query q, DmarcReportFacts facts, CheckSettings settings) {
    return new DmarcReportEvaluator().evaluate(facts);
  }

  @Override
  public DmarcReportView view(Query q, DmarcReportFacts f) {
    long first =
        f.reporters().stream().mapToLong(ReporterStats::first).filter(x -> x > 0).min().orElse(0);
    long last = f.reporters().stream().mapToLong(ReporterStats::last).max().orElse(0);
    long messages = f.domains().stream().mapToLong(DomainStats::messages).sum();
    List<DmarcReportView.Reporter> reporters =
        f.reporters().stream()
            .map(
                r ->
                    new DmarcReportView.Reporter(
                        r.orgName(),
                        r.email(),
                        r.reports(),
                        r.messages(),
                        date(r.first()),
                        date(r.last())))
            .toList();
    List<DmarcReportView.Domain> domains =
        f.domains().stream()
            .map(
                d ->
                    new DmarcReportView.Domain(
                        d.domain(),
                        d.reports(),
                        d.messages(),
                        d.pass(),
                        d.policies(),
                        d.currentPolicy(),
                        date(d.first()),
                        date(d.last())))
            .toList();
    String domain = f.domains().isEmpty() ? "" : f.domains().get(0).domain();
    List<DmarcReportView.Source> sources = new ArrayList<>();
    for (SourceStats s : f.sources()) {
      Optional<Providers.Provider> p = DmarcReportEvaluator.provider(f, s);
      DmarcReportFacts.PtrInfo ptr = f.ptr().get(s.ip());
      SourceClass c = SourceClass.of(s, p);
      String from =
          s.headerFrom().entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(domain);
      sources.add(
          new DmarcReportView.Source(
              s.ip(),
              ptr == null ? List.of() : ptr.names(),
              ptr == null ? "" : ptr.outcome(),
              p.map(Providers.Provider::name).orElse(""),
              c.token(),
              s.messages(),
              s.dmarcPass(),
              s.dkimAligned(),
              s.spfAligned(),
              s.dispositions(),
              s.overrides(),
              s.headerFrom(),
              s.dkimSignatures(),
              s.spfDomains(),
              s.reporters(),
              c == SourceClass.UNALIGNED ? SourceClass.advice(s, from, p) : List.of()));
    }
    List<DmarcReportView.Input> inputs =
        f.inputs().stream()
            .filter(n -> !n.read() || !n.problems().isEmpty() || n.reason().equals("duplicate"))
            .map(n -> new DmarcReportView.Input(n.origin(), n.read(), n.reason(), n.problems()))
            .toList();
    return new DmarcReportView(
        f.reports(),
        f.duplicates(),
        f.records(),
        messages,
        date(first),
        date(last),
        reporters,
        domains,
        sources,
        inputs);
  }

  static String date(long epochSeconds) {
    return epochSeconds <= 0 ? "" : Instant.ofEpochSecond(epochSeconds).toString();
  }
}
