package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.TagList;
import dev.mailcheck.checks.dmarc.DmarcDiscovery.Found;
import dev.mailcheck.checks.dmarc.DmarcDiscovery.Outcome;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** DMARC facts in, findings out. Pure and deterministic. */
public final class DmarcEvaluator {

  /** At most this many dmarc.syntax findings per record; a hostile record may have hundreds. */
  static final int MAX_SYNTAX_FINDINGS = 10;

  /** A TXT record meant as DMARC that receivers discard (v=DMARC1 not first or not exact). */
  private record Lookalike(String domain, String text, DmarcRecord parsed) {}

  public List<Finding> evaluate(DmarcFacts facts) {
    List<Finding> out = new ArrayList<>();
    String domain = facts.domain();
    Outcome bis = DmarcDiscovery.rfc9989(facts);
    Outcome old = DmarcDiscovery.rfc7489(facts);
    List<Lookalike> lookalikes = lookalikes(facts, bis);
    for (Lookalike l : lookalikes) out.add(lookalikeFinding(l, bis));
    otherRecords(facts, out);
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
      case FOUND -> found(facts, bis.found().orElseThrow(), lookalikes, out);
    }
    discoveryDifference(facts, bis, old, out);
    return out;
  }

  /**
   * Lookalikes at the names receivers consulted before the record that applies (all of them when
   * none applies): each of them is a policy the owner meant to publish and receivers discard.
   */
  private static List<Lookalike> lookalikes(DmarcFacts facts, Outcome bis) {
    List<Lookalike> out = new ArrayList<>();
    for (String name : bis.queried()) {
      if (bis.found().isPresent() && bis.found().get().domain().equals(name)) break;
      DnsResult r = facts.answers().get(name);
      if (r == null) continue;
      for (String t : DmarcFacts.texts(r))
        if (DmarcParser.looksLikeDmarc(t)) out.add(new Lookalike(name, t, DmarcParser.parse(t)));
    }
    return out;
  }

  private static Finding lookalikeFinding(Lookalike l, Outcome bis) {
    String where = DmarcFacts.policyName(l.domain());
    DmarcRecord.Problem why = l.parsed().errors().get(0);
    String consequence =
        bis.found()
            .map(
                f ->
                    "Receivers discard it, so the domain's own policy is missing; the record at "
                        + DmarcFacts.policyName(f.domain())
                        + " applies instead.")
            .orElse("Receivers discard it, so the domain has no DMARC policy.");
    Optional<String> fixed = DmarcRepair.repair(l.text());
    return Finding.of(
            FindingId.DMARC_SYNTAX,
            Status.FAIL,
            "The TXT record at " + where + " is meant as DMARC but receivers discard it")
        .subject(where)
        .detail(why + ".\n" + consequence)
        .remedy(
            fixed
                .map(
                    f ->
                        "Move v=DMARC1 to the front, keeping every other tag as published"
                            + (f.equals(movedVersionOnly(l.text()))
                                ? ""
                                : " (other broken parts corrected)")
                            + ": "
                            + where
                            + ". TXT \""
                            + f
                            + "\"")
                .orElse(
                    "Start the record with exactly v=DMARC1, keeping every other tag as published, and set p= to none, quarantine or reject."))
        .evidence(l.text())
        .build();
  }

  /** The record with only v=DMARC1 put first, every other term kept as written. */
  private static String movedVersionOnly(String text) {
    List<String> terms = new ArrayList<>(List.of("v=DMARC1"));
    for (String t : text.split(";", -1)) {
      String term = t.strip();
      if (!term.isEmpty() && !term.matches("(?i)v\\s*=.*")) terms.add(term);
    }
    return String.join("; ", terms);
  }

  private static void otherRecords(DmarcFacts facts, List<Finding> out) {
    DnsResult r = facts.answers().get(facts.domain());
    if (r == null) return;
    List<String> other =
        DmarcFacts.texts(r).stream()
            .filter(t -> !DmarcParser.isDmarc(t) && !DmarcParser.looksLikeDmarc(t))
            .toList();
    if (!other.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DMARC_OTHER_RECORDS,
                  Status.INFO,
                  "Unrelated TXT records at " + DmarcFacts.policyName(facts.domain()))
              .detail(
                  "Receivers ignore TXT records that do not start with v=DMARC1; these have no DMARC tags, so they do no harm, but usually belong elsewhere (an SPF record here is a common mistake).")
              .evidence(other)
              .build());
    }
  }

  private static void found(
      DmarcFacts facts, Found found, List<Lookalike> lookalikes, List<Finding> out) {
    String domain = facts.domain();
    DmarcRecord rec = found.record();
    boolean own = found.domain().equals(domain);
    out.add(present(facts, found, lookalikes));
    syntax(found, out);
    // A record receivers cannot use has no parts to judge: no pass for its policy, rua, alignment.
    if (!rec.usable()) return;
    policy(domain, found, own, facts.nonExistent(), out);
    subdomainPolicy(found, out);
    warnings(found, out);
    reporting(facts, found, out);
    alignment(found, out);
  }

  /**
   * dmarc.present for a record discovery found: fail when receivers cannot use it, warn when it
   * applies only as p=none because of an error, when only a public suffix policy applies, or when
   * the domain's own (discarded) record was replaced by an inherited one; else pass.
   */
  private static Finding present(DmarcFacts facts, Found found, List<Lookalike> lookalikes) {
    String domain = facts.domain();
    DmarcRecord rec = found.record();
    boolean own = found.domain().equals(domain);
    String where = DmarcFacts.policyName(found.domain());
    String policyErrors =
        rec.errors().stream()
            .filter(e -> POLICY_TAGS.contains(e.tag().toLowerCase(Locale.ROOT)))
            .map(DmarcRecord.Problem::toString)
            .collect(Collectors.joining("; "));
    if (!rec.usable()) {
      return Finding.of(
              FindingId.DMARC_PRESENT,
              Status.FAIL,
              "The DMARC record at " + where + " cannot be used: no policy applies")
          .detail(
              (policyErrors.isEmpty() ? "The record has no p= tag" : policyErrors)
                  + ", and rua= holds no valid report address. RFC 9989 §4.10.1 (and RFC 7489 §6.6.3): receivers then apply no DMARC processing, so "
                  + domain
                  + " has no DMARC policy. See dmarc.syntax for the correction.")
          .evidence(found.text())
          .build();
    }
    if (rec.usability() == DmarcRecord.Usability.READ_AS_NONE && !rec.valid()) {
      return Finding.of(
              FindingId.DMARC_PRESENT,
              Status.WARN,
              "The DMARC record at " + where + " applies only as p=none")
          .detail(
              (policyErrors.isEmpty() ? "The record has no p= tag" : policyErrors)
                  + ". Because rua= holds a valid report address, receivers act as if the record said p=none (RFC 9989 §4.10.1, RFC 7489 §6.6.3): reports are sent, nothing is quarantined or rejected. See dmarc.syntax for the correction.")
          .evidence(found.text())
          .build();
    }
    if (own) {
      return Finding.of(FindingId.DMARC_PRESENT, Status.PASS, "DMARC record at " + where)
          .evidence(found.text())
          .build();
    }
    if (rec.psd() == 'y') {
      return Finding.of(
              FindingId.DMARC_PRESENT,
              Status.WARN,
              "No DMARC record of its own: only the public suffix policy at " + where + " applies")
          .detail(
              "The record found by the RFC 9989 tree walk is a public suffix domain's (psd=y). The domain owner has published no policy.")
          .remedy(
              "Publish "
                  + DmarcFacts.policyName(domain)
                  + ". TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                  + domain
                  + "\"")
          .evidence(found.text())
          .build();
    }
    String inherited =
        domain
            + " has no record of its own; the record of "
            + found.domain()
            + " applies, with its sp= (and np= for names that do not exist)."
            + (facts.nonExistent()
                ? " " + domain + " does not exist (A, AAAA and MX: NXDOMAIN), so np= applies."
                : "");
    if (!lookalikes.isEmpty()) {
      return Finding.of(
              FindingId.DMARC_PRESENT,
              Status.WARN,
              "DMARC policy inherited from " + where + "; the domain's own record is discarded")
          .detail(
              "Receivers discard "
                  + lookalikes.stream()
                      .map(l -> "the TXT record at " + DmarcFacts.policyName(l.domain()))
                      .collect(Collectors.joining(" and "))
                  + " (see dmarc.syntax). "
                  + inherited)
          .evidence(found.text())
          .build();
    }
    return Finding.of(FindingId.DMARC_PRESENT, Status.PASS, "DMARC policy inherited from " + where)
        .detail(inherited)
        .evidence(found.text())
        .build();
  }

  private static final Set<String> POLICY_TAGS = Set.of("p", "sp", "np");

  /**
   * dmarc.syntax: pass, or one fail per error with its tag number, character position and value,
   * what receivers make of it, and the published record with only the broken parts corrected.
   */
  private static void syntax(Found found, List<Finding> out) {
    DmarcRecord rec = found.record();
    String where = DmarcFacts.policyName(found.domain());
    List<DmarcRecord.Problem> errors = rec.errors();
    if (errors.isEmpty()) {
      out.add(
          Finding.of(FindingId.DMARC_SYNTAX, Status.PASS, "The DMARC record parses")
              .subject(where)
              .build());
      return;
    }
    Optional<String> fixed = DmarcRepair.repair(found.text());
    String remedy =
        fixed
            .map(
                f ->
                    "Publish the record with only the broken parts corrected"
                        + guessedPolicy(found.text(), f)
                        + ": "
                        + where
                        + ". TXT \""
                        + f
                        + "\"")
            .orElse(
                "Set p= to none, quarantine or reject as intended (mailcheck cannot tell which from \""
                    + rec.errors().stream()
                        .filter(e -> e.tag().equalsIgnoreCase("p"))
                        .map(DmarcRecord.Problem::message)
                        .findFirst()
                        .orElse("")
                    + "\"), and keep every other tag as published.");
    int shown = Math.min(errors.size(), MAX_SYNTAX_FINDINGS);
    for (int i = 0; i < shown; i++) {
      DmarcRecord.Problem e = errors.get(i);
      String more =
          i == shown - 1 && errors.size() > shown
              ? "\n" + (errors.size() - shown) + " more errors are not listed."
              : "";
      out.add(
          Finding.of(
                  FindingId.DMARC_SYNTAX,
                  Status.FAIL,
                  "DMARC record error"
                      + (e.term() > 0 ? " in tag " + e.term() : "")
                      + (e.tag().isEmpty() ? "" : " (" + e.tag() + "=)"))
              .subject(where)
              .detail(e + ".\n" + consequence(rec, e) + more)
              .remedy(remedy)
              .evidence(found.text())
              .build());
    }
  }

  /** " (p=rejected read as the intended p=reject)" when the correction guessed a policy value. */
  private static String guessedPolicy(String published, String corrected) {
    List<String> guesses = new ArrayList<>();
    TagList was = TagList.parse(published);
    TagList now = TagList.parse(corrected);
    for (String tag : List.of("p", "sp", "np")) {
      Optional<String> a = was.getIgnoringCase(tag);
      Optional<String> b = now.getIgnoringCase(tag);
      if (a.isPresent() && b.isPresent() && Policy.parse(a.get()).isEmpty())
        guesses.add(tag + "=" + a.get() + " read as the intended " + tag + "=" + b.get());
    }
    return guesses.isEmpty() ? "" : " (" + String.join(", ", guesses) + ")";
  }

  /** What receivers make of one error, given what the record as a whole is to them. */
  private static String consequence(DmarcRecord rec, DmarcRecord.Problem e) {
    boolean policyTag = POLICY_TAGS.contains(e.tag().toLowerCase(Locale.ROOT));
    return switch (rec.usability()) {
      case USABLE ->
          "Receivers ignore this part and use the default for it (RFC 9989 §4.8, RFC 7489 §6.3); the rest of the record applies, with p="
              + rec.p().orElseThrow().token()
              + ".";
      case READ_AS_NONE ->
          policyTag
              ? "Because of this, and since rua= holds a valid report address, receivers act as if the record said p=none (RFC 9989 §4.10.1)."
              : "Receivers ignore this part and use the default for it (RFC 9989 §4.8); the record applies as p=none because of its policy error.";
      case UNUSABLE ->
          e.kind().equals("invalid-uri") && e.tag().equalsIgnoreCase("rua")
              ? "This leaves rua= without a valid report address, so receivers cannot fall back to p=none: the record gives no policy (RFC 9989 §4.10.1)."
              : policyTag || e.kind().equals("no-policy")
                  ? "With no valid report address in rua=, receivers apply no DMARC processing: the record gives no policy (RFC 9989 §4.10.1)."
                  : "Receivers would ignore this part (RFC 9989 §4.8); the record is unusable anyway because of its policy error.";
    };
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
    boolean readAsNone = rec.usability() == DmarcRecord.Usability.READ_AS_NONE && !rec.valid();
    switch (p) {
      case NONE ->
          out.add(
              Finding.of(
                      FindingId.DMARC_POLICY, Status.WARN, "DMARC policy is none: monitoring only")
                  .detail(
                      (readAsNone
                              ? "The record is read as p=none because of its policy error (see dmarc.syntax): "
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
