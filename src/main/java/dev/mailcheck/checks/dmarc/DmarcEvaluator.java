package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.dmarc.DmarcDiscovery.Found;
import dev.mailcheck.checks.dmarc.DmarcDiscovery.Outcome;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** DMARC facts in, findings out. Pure and deterministic. */
public final class DmarcEvaluator {

  /** A TXT record meant as DMARC that receivers discard (v=DMARC1 not first or not exact). */
  record Lookalike(String domain, String text, DmarcRecord parsed) {}

  public List<Finding> evaluate(DmarcFacts facts) {
    List<Finding> out = new ArrayList<>();
    String domain = facts.domain();
    Outcome bis = DmarcDiscovery.rfc9989(facts);
    Outcome old = DmarcDiscovery.rfc7489(facts);
    List<Lookalike> lookalikes = DmarcRecordFindings.lookalikes(facts, bis);
    for (Lookalike l : lookalikes) out.add(DmarcRecordFindings.lookalikeFinding(l, bis));
    DmarcRecordFindings.otherRecords(facts, out);
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
      case ERROR -> {
        String failed = bis.detail().replaceFirst("^lookup failed: ", "");
        out.add(
            Finding.of(
                    FindingId.DMARC_PRESENT,
                    Status.ERROR,
                    "DMARC lookup failed (" + failed + "): the record may exist")
                .detail(
                    "The lookup of "
                        + failed
                        + " failed temporarily. This is an error, not an absence: a DMARC record may well exist, and this result is incomplete (nothing below it was evaluated). Run the check again; if it persists, the name servers of the domain are failing.")
                .build());
      }
      case NONE, MULTIPLE ->
          out.add(
              Finding.of(
                      FindingId.DMARC_PRESENT,
                      Status.FAIL,
                      lookalikes.isEmpty() ? "No DMARC record" : "No usable DMARC record")
                  .detail(
                      (lookalikes.isEmpty()
                              ? ""
                              : "Receivers discard "
                                  + lookalikes.stream()
                                      .map(
                                          l ->
                                              "the TXT record at "
                                                  + DmarcFacts.policyName(l.domain()))
                                      .collect(Collectors.joining(" and "))
                                  + " (v=DMARC1 is not its first tag; see dmarc.syntax). ")
                          + "Neither "
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
                      lookalikes.isEmpty()
                          ? "Publish: "
                              + DmarcFacts.policyName(domain)
                              + ". TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                              + bis.orgDomain()
                              + "\" -- then, once the reports show all legitimate mail passing, move to p=quarantine and p=reject."
                          : "Correct the record as dmarc.syntax shows.")
                  .build());
      case FOUND -> DmarcRecordFindings.found(facts, bis.found().orElseThrow(), lookalikes, out);
    }
    DmarcReportingFindings.discoveryDifference(facts, bis, old, out);
    return out;
  }

  static void policy(
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
    boolean readAsNone = rec.usability() == DmarcRecord.Usability.READ_AS_NONE && !rec.valid();
    switch (p) {
      case NONE ->
          out.add(
              Finding.of(
                      FindingId.DMARC_POLICY, Status.WARN, "DMARC policy is none: monitoring only")
                  .detail(
                      (readAsNone
                              ? "The record is read as p=none because of its policy error (see dmarc.syntax); p=none "
                              : tag + "=none ")
                          + "asks receivers to deliver mail that fails DMARC as usual: it protects nothing, it only produces reports.")
                  .remedy(
                      readAsNone
                          ? "Correct the record as dmarc.syntax shows; its published policy then applies."
                          : "Once the aggregate reports show your legitimate mail passing SPF or DKIM aligned, set "
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

  static void subdomainPolicy(Found found, List<Finding> out) {
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

  static void warnings(Found found, List<Finding> out) {
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
}
