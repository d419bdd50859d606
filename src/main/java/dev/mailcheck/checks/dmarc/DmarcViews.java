package dev.mailcheck.checks.dmarc;

import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.report.view.DmarcView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** DMARC facts as the report's {@link DmarcView}. */
final class DmarcViews {
  private DmarcViews() {}

  static DmarcView of(DmarcFacts facts) {
    DmarcDiscovery.Outcome bis = DmarcDiscovery.rfc9989(facts);
    DmarcDiscovery.Outcome old = DmarcDiscovery.rfc7489(facts);
    Optional<DmarcView.RecordView> view = bis.found().map(DmarcViews::record);
    List<DmarcView.Authorization> auth = new ArrayList<>();
    // A record receivers cannot use sends no reports: nothing to authorize.
    bis.found()
        .filter(f -> f.record().usable())
        .ifPresent(
            f -> {
              for (String q : DmarcFetcher.authorizationQueries(f)) {
                String dest =
                    q.substring(q.indexOf("._report._dmarc.") + "._report._dmarc.".length());
                DnsResult r = facts.authorizations().get(q);
                String outcome =
                    r == null
                        ? "not-checked"
                        : DmarcFacts.texts(r).stream().anyMatch(t -> t.startsWith("v=DMARC1"))
                            ? "authorized"
                            : r.isTemporaryFailure() ? "error" : "not-authorized";
                auth.add(new DmarcView.Authorization(dest, q, outcome));
              }
            });
    return new DmarcView(
        facts.domain(),
        bis.orgDomain(),
        old.orgDomain(),
        PublicSuffixes.listVersion(),
        view,
        discovery(bis),
        discovery(old),
        auth);
  }

  private static DmarcView.DiscoveryView discovery(DmarcDiscovery.Outcome o) {
    return new DmarcView.DiscoveryView(
        o.kind().name().toLowerCase(Locale.ROOT),
        o.found().map(DmarcDiscovery.Found::domain).orElse(""),
        o.orgDomain(),
        o.queried().stream().map(DmarcFacts::policyName).toList(),
        o.kind() == DmarcDiscovery.Kind.ERROR
            ? o.detail().replaceFirst("^lookup failed: ", "")
            : "");
  }

  private static DmarcView.RecordView record(DmarcDiscovery.Found f) {
    DmarcRecord r = f.record();
    return new DmarcView.RecordView(
        DmarcFacts.policyName(f.domain()),
        f.text(),
        r.valid(),
        r.p().map(Policy::token).orElse(""),
        r.sp().map(Policy::token).orElse(""),
        r.np().map(Policy::token).orElse(""),
        r.effectiveSp().map(Policy::token).orElse(""),
        r.effectiveNp().map(Policy::token).orElse(""),
        r.adkim().token(),
        r.aspf().token(),
        r.rua().stream().map(ReportUri::uri).toList(),
        r.ruf().stream().map(ReportUri::uri).toList(),
        r.fo(),
        String.valueOf(r.psd()),
        r.testing() ? "y" : "n",
        r.removedTags(),
        r.unknownTags(),
        r.problems().stream()
            .map(
                p ->
                    new DmarcView.ProblemView(
                        p.position() + 1,
                        p.severity().name().toLowerCase(Locale.ROOT),
                        p.kind(),
                        p.message(),
                        p.term()))
            .toList(),
        r.usability().name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
