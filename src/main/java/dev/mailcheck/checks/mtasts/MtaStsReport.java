package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.domain.DomainCheck;
import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.checks.mx.MxHost;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.View;
import dev.mailcheck.smtp.ProbeResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * MTA-STS and TLS-RPT together, as {@code mailcheck mta-sts} and the domain report show them: the
 * record and policy findings, the coverage of the MX hosts and their port-25 certificates ({@link
 * MtaStsCoverage}), and the TLS-RPT record with its hint when MTA-STS is deployed.
 */
public final class MtaStsReport {
  private MtaStsReport() {}

  public record Result(List<Finding> findings, List<View> views, List<String> transcript) {
    public Result {
      findings = List.copyOf(findings);
      views = List.copyOf(views);
      transcript = List.copyOf(transcript);
    }
  }

  /** Pure: the findings and views of fetched facts. */
  public static Result combine(
      String domain,
      CheckResult<MtaStsFacts> sts,
      CheckResult<DnsResult> tlsRpt,
      MxFacts mx,
      Map<String, List<ProbeResult>> probes) {
    List<Finding> findings = new ArrayList<>(sts.findings());
    MtaStsCoverage.Result cov = MtaStsCoverage.evaluate(sts.facts(), mx, probes);
    findings.addAll(cov.findings());
    boolean deployed = !sts.facts().stsRecords().isEmpty();
    findings.addAll(
        deployed ? TlsRptCheck.hint(domain, tlsRpt.findings(), "MTA-STS") : tlsRpt.findings());
    MtaStsView view = ((MtaStsView) sts.view()).withMx(cov.rows());
    return new Result(findings, List.of(view, tlsRpt.view()), List.of());
  }

  /**
   * {@code mailcheck mta-sts}: MX, the MTA-STS record and policy and TLS-RPT at once; the port-25
   * probes of the MX addresses start as soon as the record says MTA-STS is deployed and the
   * exchange's addresses are known (no probe for a domain without MTA-STS).
   *
   * @param smtpPort 25, another port only for tests
   */
  public static CompletableFuture<Result> run(
      String domain, boolean smtp, int smtpPort, CheckContext ctx) {
    var mxStarted = Checks.MX.start(domain, ctx);
    var sts = Checks.MTA_STS.run(domain, ctx);
    var rpt = Checks.TLS_RPT.run(domain, ctx);
    CompletableFuture<DnsResult> stsTxt =
        ctx.dns().query("_mta-sts." + domain, dev.mailcheck.dns.RecordType.TXT);
    CompletableFuture<List<ProbeResult>> probes =
        mxStarted
            .thenCombine(stsTxt, (started, txt) -> new Object[] {started, txt})
            .thenCompose(
                pair -> {
                  var started = (dev.mailcheck.checks.mx.MxFetcher.Started) pair[0];
                  boolean deployed = !MtaStsFacts.stsRecords((DnsResult) pair[1]).isEmpty();
                  if (!smtp || !deployed)
                    return CompletableFuture.completedFuture(List.<ProbeResult>of());
                  List<CompletableFuture<List<ProbeResult>>> hosts =
                      started.hosts().stream()
                          .limit(Limits.MTA_STS_PROBED_EXCHANGES)
                          .map(hf -> hf.thenCompose(h -> probe(h, smtpPort, ctx)))
                          .toList();
                  return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new))
                      .thenApply(v -> hosts.stream().flatMap(f -> f.join().stream()).toList());
                });
    var mxFacts = mxStarted.thenCompose(dev.mailcheck.checks.mx.MxFetcher.Started::facts);
    return CompletableFuture.allOf(sts, rpt, probes, mxFacts)
        .thenApply(
            v -> {
              Map<String, List<ProbeResult>> byHost = byHost(probes.join());
              Result r = combine(domain, sts.join(), rpt.join(), mxFacts.join(), byHost);
              List<String> transcript = new ArrayList<>();
              for (ProbeResult p : probes.join()) {
                transcript.add(
                    "--- " + p.host() + " [" + p.address().orElse("?") + "]:" + p.port() + " ---");
                transcript.addAll(p.transcript());
              }
              return new Result(r.findings(), r.views(), transcript);
            });
  }

  public static Map<String, List<ProbeResult>> byHost(List<ProbeResult> probes) {
    Map<String, List<ProbeResult>> m = new LinkedHashMap<>();
    for (ProbeResult p : probes) m.computeIfAbsent(p.host(), k -> new ArrayList<>()).add(p);
    return m;
  }

  private static CompletableFuture<List<ProbeResult>> probe(MxHost h, int port, CheckContext ctx) {
    List<CompletableFuture<ProbeResult>> out = new ArrayList<>();
    for (InetAddress a : h.addresses().stream().limit(Limits.MTA_STS_PROBED_ADDRESSES).toList())
      out.add(
          ctx.async(
              () -> ctx.smtp().probe(DomainCheck.request(h.exchange(), a, port, ctx.settings()))));
    return CompletableFuture.allOf(out.toArray(CompletableFuture[]::new))
        .thenApply(v -> out.stream().map(CompletableFuture::join).toList());
  }
}
