package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dmarc.DmarcDiscovery.Found;
import dev.mailcheck.checks.dmarc.DmarcDiscovery.Outcome;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The findings about DMARC reporting (rua/ruf and their external authorization), strict alignment,
 * and where the two discovery methods disagree. Part of {@link DmarcEvaluator}.
 */
final class DmarcReportingFindings {
  private DmarcReportingFindings() {}

  static void reporting(DmarcFacts facts, Found found, List<Finding> out) {
    DmarcRecord rec = found.record();
    if (rec.rua().isEmpty()) {
      out.add(
          Finding.of(FindingId.DMARC_RUA, Status.INFO, "No aggregate reports requested (no rua=)")
              .detail(
                  "Without rua= you never learn which servers send mail as the domain, or whether they pass.")
              .remedy(
                  "Add rua=mailto:dmarc-reports@"
                      + found.domain()
                      + " (or a report-processing service's address).")
              .build());
    } else {
      List<String> notMailto =
          rec.rua().stream().filter(u -> !u.scheme().equals("mailto")).map(ReportUri::uri).toList();
      if (notMailto.isEmpty()) {
        // "requested", not "go to": whether a destination in another organization takes them is
        // dmarc.rua-authorized.
        out.add(
            Finding.of(
                    FindingId.DMARC_RUA,
                    Status.PASS,
                    "Aggregate reports requested: "
                        + rec.rua().stream()
                            .map(ReportUri::address)
                            .collect(Collectors.joining(", ")))
                .build());
      } else {
        out.add(
            Finding.of(
                    FindingId.DMARC_RUA,
                    Status.WARN,
                    "Report URIs that are not mailto: are never used")
                .detail(
                    "RFC 9989 defines only mailto: for reports: " + String.join(", ", notMailto))
                .remedy("Use mailto: addresses.")
                .build());
      }
    }
    List<ReportUri> external = new ArrayList<>();
    for (ReportUri u : DmarcFetcher.concat(rec.rua(), rec.ruf())) {
      if (u.scheme().equals("mailto")
          && !u.domain().isEmpty()
          && !PublicSuffixes.sameOrganization(u.domain(), found.domain())
          && external.stream().noneMatch(e -> e.domain().equals(u.domain()))) external.add(u);
    }
    for (ReportUri u : external) {
      String q = DmarcFacts.authorizationName(found.domain(), u.domain());
      DnsResult r = facts.authorizations().get(q);
      if (r == null) {
        out.add(
            Finding.of(
                    FindingId.DMARC_RUA_AUTHORIZED,
                    Status.INFO,
                    "Report destination not checked: " + u.domain())
                .subject(u.domain())
                .detail(
                    "More than "
                        + Limits.DMARC_REPORT_DESTINATIONS
                        + " external destinations; the rest were not looked up.")
                .build());
        continue;
      }
      boolean ok = DmarcFacts.texts(r).stream().anyMatch(t -> t.startsWith("v=DMARC1"));
      if (ok) {
        out.add(
            Finding.of(
                    FindingId.DMARC_RUA_AUTHORIZED,
                    Status.PASS,
                    u.domain() + " accepts reports for " + found.domain())
                .subject(u.domain())
                .evidence(q + ". TXT \"v=DMARC1\"")
                .build());
      } else if (r.isTemporaryFailure()) {
        out.add(
            Finding.of(
                    FindingId.DMARC_RUA_AUTHORIZED,
                    Status.ERROR,
                    "Could not check whether " + u.domain() + " accepts reports")
                .subject(u.domain())
                .detail(q + " TXT: " + r.outcome())
                .build());
      } else {
        out.add(
            Finding.of(
                    FindingId.DMARC_RUA_AUTHORIZED,
                    Status.FAIL,
                    u.domain() + " has not authorized reports for " + found.domain())
                .subject(u.domain())
                .detail(
                    "RFC 7489 §7.1 / RFC 9990 §3: reports for another organization's domain are sent only if "
                        + q
                        + " publishes a TXT record \"v=DMARC1\". It does not ("
                        + r.outcome()
                        + "), so receivers drop the reports for "
                        + u.uri()
                        + ".")
                .remedy(
                    "Ask the operator of "
                        + u.domain()
                        + " to publish: "
                        + q
                        + ". TXT \"v=DMARC1\"")
                .build());
      }
    }
  }

  static void alignment(Found found, List<Finding> out) {
    DmarcRecord rec = found.record();
    if (rec.adkim() == Alignment.RELAXED && rec.aspf() == Alignment.RELAXED) return;
    List<String> strict = new ArrayList<>();
    if (rec.adkim() == Alignment.STRICT)
      strict.add("adkim=s: a DKIM signature aligns only when its d= is exactly the From domain");
    if (rec.aspf() == Alignment.STRICT)
      strict.add(
          "aspf=s: SPF aligns only when the envelope sender (MAIL FROM) domain is exactly the From domain");
    out.add(
        Finding.of(FindingId.DMARC_ALIGNMENT, Status.INFO, "Strict alignment")
            .detail(
                String.join("; ", strict)
                    + ". Mail signed or bounced via a subdomain (e.g. bounces.example.com, a mailing service) fails DMARC under strict alignment.")
            .build());
  }

  static void discoveryDifference(DmarcFacts facts, Outcome bis, Outcome old, List<Finding> out) {
    Optional<String> a = bis.found().map(Found::domain);
    Optional<String> b = old.found().map(Found::domain);
    boolean differ =
        bis.kind() != old.kind() || !a.equals(b) || !bis.orgDomain().equals(old.orgDomain());
    if (!differ) return;
    out.add(
        Finding.of(
                FindingId.DMARC_DISCOVERY,
                Status.INFO,
                "RFC 9989 and RFC 7489 receivers find different things")
            .detail(
                "RFC 9989 tree walk: "
                    + bis.kind().name().toLowerCase()
                    + ", "
                    + bis.detail()
                    + "; organizational domain "
                    + bis.orgDomain()
                    + ".\n"
                    + "RFC 7489 (Public Suffix List "
                    + PublicSuffixes.listVersion()
                    + "): "
                    + old.kind().name().toLowerCase()
                    + ", "
                    + old.detail()
                    + "; organizational domain "
                    + old.orgDomain()
                    + ".\n"
                    + "Receivers are moving to RFC 9989; older ones still use the list.")
            .build());
  }
}
