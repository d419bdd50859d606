package dev.mailcheck.checks.dmarc;

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

/** DMARC facts in, findings out. Pure and deterministic. */
public final class DmarcEvaluator {

  public List<Finding> evaluate(DmarcFacts facts) {
    List<Finding> out = new ArrayList<>();
    String domain = facts.domain();
    Outcome bis = DmarcDiscovery.rfc9989(facts);
    Outcome old = DmarcDiscovery.rfc7489(facts);
    atAuthorDomain(facts, out);
    for (String name : bis.multipleAt()) {
      List<String> records =
          DmarcFacts.texts(facts.answers().get(name)).stream()
              .filter(DmarcParser::isDmarc)
              .toList();
      out.add(
          Finding.of(
                  FindingId.DMARC_MULTIPLE,
                  Status.FAIL,
                  "Several DMARC records at " + DmarcFacts.policyName(name))
              .detail(
                  "Receivers discard them all (RFC 9989 §4.10; under RFC 7489 §6.6.3 DMARC processing stops): the domain effectively has no policy there.")
              .remedy(
                  "Keep exactly one TXT record starting with v=DMARC1 at "
                      + DmarcFacts.policyName(name)
                      + ".")
              .evidence(records)
              .build());
    }
    switch (bis.kind()) {
      case ERROR ->
          out.add(
              Finding.of(
                      FindingId.DMARC_PRESENT, Status.ERROR, "Could not look up the DMARC record")
                  .detail(
                      bis.detail()
                          + ". A temporary DNS failure says nothing about whether the record exists.")
                  .build());
      case NONE, MULTIPLE ->
          out.add(
              Finding.of(FindingId.DMARC_PRESENT, Status.FAIL, "No DMARC record")
                  .detail(
                      "Neither "
                          + DmarcFacts.policyName(domain)
                          + " nor any parent on the RFC 9989 tree walk publishes a usable DMARC record: receivers apply no policy to mail forging this domain, and no reports are sent."
                          + (bis.detail().contains("(not answered")
                              ? "\nNote: "
                                  + bis.detail()
                                      .substring(
                                          bis.detail().indexOf("(not answered") + 1,
                                          bis.detail().length() - 1)
                                  + "."
                              : ""))
                  .remedy(
                      "Publish: "
                          + DmarcFacts.policyName(domain)
                          + ". TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                          + bis.orgDomain()
                          + "\" -- then, once the reports show all legitimate mail passing, move to p=quarantine and p=reject.")
                  .build());
      case FOUND -> found(facts, bis.found().orElseThrow(), out);
    }
    discoveryDifference(facts, bis, old, out);
    return out;
  }

  private static void atAuthorDomain(DmarcFacts facts, List<Finding> out) {
    DnsResult r = facts.answers().get(facts.domain());
    if (r == null) return;
    List<String> texts = DmarcFacts.texts(r);
    List<String> near = texts.stream().filter(DmarcParser::looksLikeDmarc).toList();
    for (String t : near) {
      DmarcRecord parsed = DmarcParser.parse(t);
      out.add(
          Finding.of(
                  FindingId.DMARC_SYNTAX,
                  Status.FAIL,
                  "A TXT record at "
                      + DmarcFacts.policyName(facts.domain())
                      + " looks like DMARC but is not")
              .detail(parsed.errors().get(0).message() + ". Receivers ignore it.")
              .remedy("Start the record with exactly v=DMARC1; e.g. \"" + suggestion(t) + "\"")
              .evidence(t)
              .build());
    }
    List<String> other =
        texts.stream()
            .filter(t -> !DmarcParser.isDmarc(t) && !DmarcParser.looksLikeDmarc(t))
            .toList();
    if (!other.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DMARC_OTHER_RECORDS,
                  Status.INFO,
                  "Unrelated TXT records at " + DmarcFacts.policyName(facts.domain()))
              .detail(
                  "Receivers ignore TXT records that do not start with v=DMARC1; they do no harm, but usually belong elsewhere (an SPF record here is a common mistake).")
              .evidence(other)
              .build());
    }
  }

  private static String suggestion(String t) {
    return t.strip().replaceFirst("(?i)^v\\s*=\\s*dmarc1?[^;]*", "v=DMARC1");
  }

  private static void found(DmarcFacts facts, Found found, List<Finding> out) {
    String domain = facts.domain();
    DmarcRecord rec = found.record();
    boolean own = found.domain().equals(domain);
    String where = DmarcFacts.policyName(found.domain());
    if (own) {
      out.add(
          Finding.of(FindingId.DMARC_PRESENT, Status.PASS, "DMARC record at " + where)
              .evidence(found.text())
              .build());
    } else if (rec.psd() == 'y') {
      out.add(
          Finding.of(
                  FindingId.DMARC_PRESENT,
                  Status.WARN,
                  "No DMARC record of its own: only the public suffix policy at "
                      + where
                      + " applies")
              .detail(
                  "The record found by the RFC 9989 tree walk is a public suffix domain's (psd=y). The domain owner has published no policy.")
              .remedy(
                  "Publish "
                      + DmarcFacts.policyName(domain)
                      + ". TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                      + domain
                      + "\"")
              .evidence(found.text())
              .build());
    } else {
      out.add(
          Finding.of(FindingId.DMARC_PRESENT, Status.PASS, "DMARC policy inherited from " + where)
              .detail(
                  domain
                      + " has no record of its own; the record of "
                      + found.domain()
                      + " applies, with its sp= (and np= for names that do not exist)."
                      + (facts.nonExistent()
                          ? " "
                              + domain
                              + " does not exist (A, AAAA and MX: NXDOMAIN), so np= applies."
                          : ""))
              .evidence(found.text())
              .build());
    }
    if (!rec.valid()) {
      out.add(
          Finding.of(FindingId.DMARC_SYNTAX, Status.FAIL, "The DMARC record is invalid")
              .subject(where)
              .detail(
                  rec.errors().stream()
                          .map(DmarcRecord.Problem::toString)
                          .collect(Collectors.joining("\n"))
                      + "\nReceivers may ignore the record and apply no policy.")
              .remedy(
                  "Fix the record; a minimal valid one: \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                      + found.domain()
                      + "\"")
              .evidence(found.text())
              .build());
      return;
    }
    out.add(
        Finding.of(FindingId.DMARC_SYNTAX, Status.PASS, "The DMARC record parses")
            .subject(where)
            .build());
    policy(domain, found, own, facts.nonExistent(), out);
    subdomainPolicy(found, out);
    warnings(found, out);
    reporting(facts, found, out);
    alignment(found, out);
  }

  private static void policy(
      String domain, Found found, boolean own, boolean nonExistent, List<Finding> out) {
    DmarcRecord rec = found.record();
    // RFC 9989 np=: for a subdomain that does not exist (A, AAAA and MX NXDOMAIN), else sp=, else
    // p=.
    Policy p =
        own
            ? rec.p().orElseThrow()
            : nonExistent ? rec.effectiveNp().orElseThrow() : rec.effectiveSp().orElseThrow();
    String tag =
        own ? "p" : nonExistent && rec.np().isPresent() ? "np" : rec.sp().isPresent() ? "sp" : "p";
    String where = DmarcFacts.policyName(found.domain());
    switch (p) {
      case NONE ->
          out.add(
              Finding.of(
                      FindingId.DMARC_POLICY, Status.WARN, "DMARC policy is none: monitoring only")
                  .detail(
                      tag
                          + "=none asks receivers to deliver mail that fails DMARC as usual: it protects nothing, it only produces reports.")
                  .remedy(
                      "Once the aggregate reports show your legitimate mail passing SPF or DKIM aligned, set "
                          + tag
                          + "=quarantine, then "
                          + tag
                          + "=reject, at "
                          + where
                          + ".")
                  .build());
      case QUARANTINE ->
          out.add(
              Finding.of(FindingId.DMARC_POLICY, Status.PASS, "DMARC policy is quarantine")
                  .detail(
                      "Mail failing DMARC goes to spam. "
                          + tag
                          + "=reject is the strongest setting.")
                  .build());
      case REJECT ->
          out.add(
              Finding.of(FindingId.DMARC_POLICY, Status.PASS, "DMARC policy is reject").build());
    }
    if (rec.testing() || (rec.pct().isPresent() && rec.pct().getAsInt() < 100)) {
      List<String> why = new ArrayList<>();
      if (rec.testing())
        why.add(
            "t=y asks receivers to apply one step less (reject as quarantine, quarantine as none) (RFC 9989 §4.7)");
      if (rec.pct().isPresent() && rec.pct().getAsInt() < 100)
        why.add(
            "pct="
                + rec.pct().getAsInt()
                + " asks RFC 7489 receivers to apply the policy to only that share of failing mail");
      out.add(
          Finding.of(FindingId.DMARC_TESTING, Status.WARN, "The policy is only partly applied")
              .detail(String.join("; ", why) + ".")
              .remedy(
                  "Remove "
                      + (rec.testing() ? "t=y" : "")
                      + (rec.testing() && rec.pct().isPresent() ? " and " : "")
                      + (rec.pct().isPresent() ? "pct=" + rec.pct().getAsInt() : "")
                      + " once you are confident.")
              .build());
    }
    if (rec.psd() == 'y' && own) {
      out.add(
          Finding.of(
                  FindingId.DMARC_PSD,
                  Status.INFO,
                  "The domain declares itself a public suffix (psd=y)")
              .detail(
                  "RFC 9989: its policy applies to registered names below it that publish none; "
                      + domain
                      + " is not an organizational domain.")
              .build());
    }
  }

  private static void subdomainPolicy(Found found, List<Finding> out) {
    DmarcRecord rec = found.record();
    Policy p = rec.p().orElseThrow();
    List<String> weaker = new ArrayList<>();
    rec.sp()
        .filter(sp -> sp.weakerThan(p))
        .ifPresent(
            sp ->
                weaker.add(
                    "sp="
                        + sp.token()
                        + " is weaker than p="
                        + p.token()
                        + ": subdomains are less protected than the domain"));
    Policy spEff = rec.effectiveSp().orElseThrow();
    rec.np()
        .filter(np -> np.weakerThan(spEff))
        .ifPresent(
            np ->
                weaker.add(
                    "np="
                        + np.token()
                        + " is weaker than "
                        + (rec.sp().isPresent() ? "sp" : "p")
                        + "="
                        + spEff.token()
                        + ": forged mail from names that do not even exist gets the mildest treatment"));
    if (weaker.isEmpty()
        && spEff == Policy.NONE
        && rec.effectiveNp().orElseThrow() == Policy.NONE) {
      // p=none everywhere: not weaker than p, but no PASS for "none" next to dmarc.policy's
      // warning.
      out.add(
          Finding.of(
                  FindingId.DMARC_SUBDOMAIN_POLICY,
                  Status.INFO,
                  "Subdomains get none, like the domain")
              .subject(DmarcFacts.policyName(found.domain()))
              .detail(
                  "sp= and np= follow p=none: forged mail from subdomains is delivered as usual too (see dmarc.policy).")
              .build());
    } else if (weaker.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DMARC_SUBDOMAIN_POLICY,
                  Status.PASS,
                  "Subdomains get "
                      + spEff.token()
                      + (rec.effectiveNp().orElseThrow() != spEff
                          ? ", non-existent names " + rec.effectiveNp().orElseThrow().token()
                          : ""))
              .subject(DmarcFacts.policyName(found.domain()))
              .build());
    } else {
      out.add(
          Finding.of(
                  FindingId.DMARC_SUBDOMAIN_POLICY,
                  Status.WARN,
                  "The subdomain policy is weaker than the domain policy")
              .subject(DmarcFacts.policyName(found.domain()))
              .detail(String.join("; ", weaker) + ".")
              .remedy(
                  "Remove sp=/np= to inherit p="
                      + p.token()
                      + ", or raise them to at least p's level, unless a subdomain is still being brought into line.")
              .build());
    }
  }

  private static void warnings(Found found, List<Finding> out) {
    DmarcRecord rec = found.record();
    List<DmarcRecord.Problem> removed =
        rec.warnings().stream().filter(w -> w.kind().equals("removed-tag")).toList();
    if (!removed.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DMARC_REMOVED_TAGS,
                  Status.WARN,
                  "Tags removed by RFC 9989: " + String.join(", ", rec.removedTags()))
              .detail(
                  removed.stream()
                      .map(DmarcRecord.Problem::toString)
                      .collect(Collectors.joining("\n")))
              .remedy(
                  "Remove "
                      + String.join(", ", rec.removedTags())
                      + " from the record; use t=y instead of pct<100 for a gradual rollout.")
              .build());
    }
    if (!rec.unknownTags().isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DMARC_UNKNOWN_TAGS,
                  Status.INFO,
                  "Unknown tags ignored: " + String.join(", ", rec.unknownTags()))
              .detail(
                  rec.warnings().stream()
                          .filter(w -> w.kind().equals("unknown-tag"))
                          .map(DmarcRecord.Problem::toString)
                          .collect(Collectors.joining("\n"))
                      + "\nA typo here silently loses the intended setting.")
              .build());
    }
    rec.warnings().stream()
        .filter(w -> w.kind().equals("tag-order") || w.kind().equals("no-policy"))
        .forEach(
            w ->
                out.add(
                    Finding.of(
                            FindingId.DMARC_TAG_ORDER,
                            Status.INFO,
                            w.kind().equals("no-policy")
                                ? "No p= tag: read as p=none"
                                : "p= is not the second tag")
                        .detail(w.toString())
                        .build()));
  }

  private static void reporting(DmarcFacts facts, Found found, List<Finding> out) {
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
                        + DmarcFetcher.MAX_DESTINATIONS
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

  private static void alignment(Found found, List<Finding> out) {
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

  private static void discoveryDifference(
      DmarcFacts facts, Outcome bis, Outcome old, List<Finding> out) {
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
