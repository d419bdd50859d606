package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.Limits;
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

/**
 * The findings about the DMARC record itself: its presence and usability, lookalike and other
 * records at _dmarc, and its syntax with exact repairs. Part of {@link DmarcEvaluator}.
 */
final class DmarcRecordFindings {
  private DmarcRecordFindings() {}

  /**
   * Lookalikes at the names receivers consulted before the record that applies (all of them when
   * none applies): each of them is a policy the owner meant to publish and receivers discard.
   */
  static List<DmarcEvaluator.Lookalike> lookalikes(DmarcFacts facts, Outcome bis) {
    List<DmarcEvaluator.Lookalike> out = new ArrayList<>();
    for (String name : bis.queried()) {
      if (bis.found().isPresent() && bis.found().get().domain().equals(name)) break;
      DnsResult r = facts.answers().get(name);
      if (r == null) continue;
      for (String t : DmarcFacts.texts(r))
        if (DmarcParser.looksLikeDmarc(t))
          out.add(new DmarcEvaluator.Lookalike(name, t, DmarcParser.parse(t)));
    }
    return out;
  }

  static Finding lookalikeFinding(DmarcEvaluator.Lookalike l, Outcome bis) {
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
  static String movedVersionOnly(String text) {
    List<String> terms = new ArrayList<>(List.of("v=DMARC1"));
    for (String t : text.split(";", -1)) {
      String term = t.strip();
      if (!term.isEmpty() && !term.matches("(?i)v\\s*=.*")) terms.add(term);
    }
    return String.join("; ", terms);
  }

  static void otherRecords(DmarcFacts facts, List<Finding> out) {
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

  static void found(
      DmarcFacts facts, Found found, List<DmarcEvaluator.Lookalike> lookalikes, List<Finding> out) {
    String domain = facts.domain();
    DmarcRecord rec = found.record();
    boolean own = found.domain().equals(domain);
    out.add(present(facts, found, lookalikes));
    syntax(found, out);
    // A record receivers cannot use has no parts to judge: no pass for its policy, rua, alignment.
    if (!rec.usable()) return;
    DmarcEvaluator.policy(domain, found, own, facts.nonExistent(), out);
    DmarcEvaluator.subdomainPolicy(found, out);
    DmarcEvaluator.warnings(found, out);
    DmarcReportingFindings.reporting(facts, found, out);
    DmarcReportingFindings.alignment(found, out);
  }

  /**
   * dmarc.present for a record discovery found: fail when receivers cannot use it, warn when it
   * applies only as p=none because of an error, when only a public suffix policy applies, or when
   * the domain's own (discarded) record was replaced by an inherited one; else pass.
   */
  static Finding present(DmarcFacts facts, Found found, List<DmarcEvaluator.Lookalike> lookalikes) {
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

  static final Set<String> POLICY_TAGS = Set.of("p", "sp", "np");

  /**
   * dmarc.syntax: pass, or one fail per error with its tag number, character position and value,
   * what receivers make of it, and the published record with only the broken parts corrected.
   */
  static void syntax(Found found, List<Finding> out) {
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
    int shown = Math.min(errors.size(), Limits.DMARC_SYNTAX_FINDINGS);
    for (int i = 0; i < shown; i++) {
      DmarcRecord.Problem e = errors.get(i);
      String more =
          i == shown - 1 && errors.size() > shown
              ? "\n"
                  + (errors.size() - shown)
                  + (errors.size() - shown == 1
                      ? " more error is not listed."
                      : " more errors are not listed.")
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
  static String guessedPolicy(String published, String corrected) {
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
  static String consequence(DmarcRecord rec, DmarcRecord.Problem e) {
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
}
