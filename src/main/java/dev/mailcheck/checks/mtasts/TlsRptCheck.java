package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.TlsRptView;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SMTP TLS Reporting (RFC 8460): the {@code _smtp._tls} TXT record. Whether its absence matters
 * depends on MTA-STS or DANE being deployed: {@link #hint} says so, from the other checks' facts.
 */
public final class TlsRptCheck implements Check<String, DnsResult> {
  @Override
  public CompletableFuture<DnsResult> fetch(String domain, CheckContext ctx) {
    return ctx.dns().query("_smtp._tls." + domain, RecordType.TXT);
  }

  static List<String> records(DnsResult txt) {
    return txt.recordsOrEmpty().stream()
        .filter(r -> r instanceof DnsRecord.Txt)
        .map(r -> ((DnsRecord.Txt) r).text())
        .filter(TlsRptRecord::isTlsRpt)
        .toList();
  }

  /**
   * The record finding. Absent: {@code info} (nothing to report on); the domain report and {@code
   * mta-sts} turn that into a {@code warn} with {@link #hint} when a transport policy is deployed.
   */
  @Override
  public List<Finding> evaluate(String domain, DnsResult txt, CheckSettings settings) {
    List<String> recs = records(txt);
    String name = "_smtp._tls." + domain;
    if (txt.isTemporaryFailure())
      return List.of(
          Finding.of(FindingId.TLS_RPT_RECORD, Status.ERROR, "Could not look up the TLS-RPT record")
              .detail(name + " TXT: " + txt.outcome() + ".")
              .build());
    if (recs.isEmpty())
      return List.of(
          Finding.of(FindingId.TLS_RPT_RECORD, Status.INFO, "No TLS-RPT record")
              .detail(
                  name
                      + " has no v=TLSRPTv1 record: senders do not report TLS failures to this domain.")
              .remedy(name + ". TXT \"v=TLSRPTv1; rua=mailto:tls-reports@" + domain + "\"")
              .build());
    if (recs.size() > 1)
      return List.of(
          Finding.of(
                  FindingId.TLS_RPT_RECORD,
                  Status.FAIL,
                  recs.size() + " v=TLSRPTv1 records: senders ignore them all")
              .detail(
                  "RFC 8460 §3: unless exactly one record begins with v=TLSRPTv1, the domain does not get reports.")
              .evidence(recs)
              .build());
    TlsRptRecord r = TlsRptRecord.parse(recs.get(0));
    if (!r.valid())
      return List.of(
          Finding.of(FindingId.TLS_RPT_RECORD, Status.FAIL, "The TLS-RPT record is invalid")
              .detail(r.problems().get(0).toString() + ".")
              .evidence(MtaStsEvaluator.positioned(r.text(), r.problems()))
              .remedy(name + ". TXT \"v=TLSRPTv1; rua=mailto:tls-reports@" + domain + "\"")
              .build());
    return List.of(
        Finding.of(
                FindingId.TLS_RPT_RECORD,
                Status.PASS,
                "TLS-RPT reports go to " + String.join(", ", r.rua()))
            .evidence(r.text())
            .build());
  }

  /**
   * RFC 8460 §1: with MTA-STS or DANE deployed, TLS-RPT is how the domain learns that senders
   * cannot deliver. Replaces the {@code info} of an absent record with a {@code warn}.
   *
   * @param deployed what is deployed, e.g. "MTA-STS"
   */
  public static List<Finding> hint(String domain, List<Finding> findings, String deployed) {
    return findings.stream()
        .map(
            f ->
                f.kind() == FindingId.TLS_RPT_RECORD && f.status() == Status.INFO
                    ? Finding.of(
                            FindingId.TLS_RPT_RECORD,
                            Status.WARN,
                            deployed + " is deployed without TLS-RPT")
                        .detail(
                            "Without _smtp._tls."
                                + domain
                                + " senders cannot tell you when they fail to deliver over TLS: a broken certificate under "
                                + deployed
                                + " goes unnoticed until mail is lost.")
                        .remedy(f.remedy().orElse(null))
                        .build()
                    : f)
        .toList();
  }

  @Override
  public TlsRptView view(String domain, DnsResult txt) {
    List<String> recs = records(txt);
    TlsRptRecord r = recs.size() == 1 ? TlsRptRecord.parse(recs.get(0)) : null;
    return new TlsRptView(
        domain,
        txt.outcome(),
        recs,
        r == null ? List.of() : r.rua(),
        r == null ? List.of() : r.problems().stream().map(Problem::toString).toList());
  }
}
