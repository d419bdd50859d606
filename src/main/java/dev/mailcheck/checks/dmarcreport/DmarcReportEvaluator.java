package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Summed reports in, advice out. Pure.
 *
 * <ul>
 *   <li>{@code dmarc-report.unaligned-source} ({@code warn}): each legitimate-looking source whose
 *       mail fails DMARC, busiest first, with what would align it;
 *   <li>{@code dmarc-report.spoofing}: per domain, the sources that fail everything; {@code warn}
 *       under p=none (the mail was delivered), {@code info} when quarantined or rejected;
 *   <li>{@code dmarc-report.forwarded} ({@code info}): forwarding and mailing lists;
 *   <li>{@code dmarc-report.policy-readiness}: per domain, whether the aligned share of legitimate
 *       mail allows p=quarantine / p=reject;
 *   <li>{@code dmarc-report.skipped}, {@code dmarc-report.malformed}, {@code
 *       dmarc-report.duplicate}: what could not be read, what was read in part, what was counted
 *       once.
 * </ul>
 *
 * <p>Over the ~300-line guide on purpose: the findings of a set of aggregate reports per domain
 * (inputs, alignment, spoofing, forwarding, readiness for a stricter policy), which share the
 * per-source statistics.
 */
public final class DmarcReportEvaluator {
  /** Share of legitimate mail that must align before a stricter policy is advised. */
  static final double READY = 0.98;

  /** Days of reports below which readiness is not judged. */
  static final long MIN_DAYS = 7;

  public List<Finding> evaluate(DmarcReportFacts f) {
    List<Finding> out = new ArrayList<>();
    inputs(f, out);
    for (DomainStats d : f.domains()) domain(f, d, out);
    return out;
  }

  private void domain(DmarcReportFacts f, DomainStats d, List<Finding> out) {
    List<SourceStats> mine =
        f.sources().stream()
            .filter(s -> f.domains().size() == 1 || s.headerFrom().containsKey(d.domain()))
            .toList();
    long spoofMessages = 0, forwardedMessages = 0, unalignedMessages = 0;
    List<SourceStats> spoofers = new ArrayList<>();
    List<SourceStats> forwarders = new ArrayList<>();
    List<SourceStats> unaligned = new ArrayList<>();
    for (SourceStats s : mine) {
      Optional<Providers.Provider> p = provider(f, s);
      switch (SourceClass.of(s, p)) {
        case SPOOFING -> {
          spoofers.add(s);
          spoofMessages += s.dmarcFail();
        }
        case FORWARDED -> {
          forwarders.add(s);
          forwardedMessages += s.dmarcFail();
        }
        case UNALIGNED -> {
          unaligned.add(s);
          unalignedMessages += s.dmarcFail();
        }
        case ALIGNED -> {}
      }
    }
    unaligned.sort((a, b) -> Long.compare(b.dmarcFail(), a.dmarcFail()));
    String policy = d.currentPolicy().isEmpty() ? "none" : d.currentPolicy();
    for (int i = 0; i < unaligned.size() && i < Limits.REPORT_UNALIGNED_FINDINGS; i++)
      out.add(unaligned(f, d, unaligned.get(i), policy));
    if (unaligned.size() > Limits.REPORT_UNALIGNED_FINDINGS) {
      List<SourceStats> rest =
          unaligned.subList(Limits.REPORT_UNALIGNED_FINDINGS, unaligned.size());
      out.add(
          Finding.of(
                  FindingId.DMARC_REPORT_UNALIGNED_SOURCE,
                  Status.WARN,
                  rest.size() + " more unaligned sources")
              .subject(d.domain())
              .detail(
                  rest.stream().mapToLong(SourceStats::dmarcFail).sum()
                      + " failing messages from "
                      + rest.size()
                      + " smaller sources that also authenticate; see the sources table (CSV output).")
              .build());
    }
    if (!spoofers.isEmpty()) out.add(spoofing(f, d, spoofers, spoofMessages, policy));
    if (!forwarders.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DMARC_REPORT_FORWARDED,
                  Status.INFO,
                  forwardedMessages + " messages failed DMARC through forwarding or mailing lists")
              .subject(d.domain())
              .detail(
                  "Forwarding breaks SPF and mailing lists that change the subject or body break"
                      + " DKIM. Receivers often let such mail through (override reasons forwarded,"
                      + " mailing_list, local_policy); ARC helps them. Nothing to fix on your side"
                      + " beyond signing all mail with aligned DKIM, which survives plain"
                      + " forwarding.")
              .evidence(top(f, forwarders))
              .build());
    }
    out.add(readiness(d, policy, unaligned, unalignedMessages, spoofMessages, forwardedMessages));
  }

  private static Finding unaligned(
      DmarcReportFacts f, DomainStats d, SourceStats s, String policy) {
    Optional<Providers.Provider> p = provider(f, s);
    List<String> advice = SourceClass.advice(s, d.domain(), p);
    String detail =
        s.dmarcFail()
            + " of "
            + s.messages()
            + " messages from this source failed DMARC, though it "
            + (s.failUnaligned() > 0
                ? "authenticates as another domain"
                : s.failOwnDkim() > 0
                    ? "carries a DKIM signature of your domain that does not verify"
                    : s.failSpfOwn() > 0
                        ? "uses your domain in MAIL FROM without being in its SPF record"
                        : "also sends aligned mail")
            + ". "
            + (policy.equals("none")
                ? "Under p=none it is delivered; under quarantine or reject it would not be."
                : "Under p=" + policy + " receivers quarantine or reject it.");
    return Finding.of(
            FindingId.DMARC_REPORT_UNALIGNED_SOURCE,
            Status.WARN,
            "Legitimate-looking source fails alignment: "
                + s.ip()
                + p.map(x -> " (" + x.name() + ")").orElse(""))
        .subject(subject(f, s))
        .detail(detail)
        .remedy(
            advice.isEmpty()
                ? "Find out what sends from "
                    + s.ip()
                    + " and have it sign with DKIM d="
                    + d.domain()
                    + "."
                : String.join(" ", advice))
        .evidence(evidence(s))
        .build();
  }

  private static Finding spoofing(
      DmarcReportFacts f, DomainStats d, List<SourceStats> spoofers, long messages, String policy) {
    boolean enforced = !policy.equals("none");
    return Finding.of(
            FindingId.DMARC_REPORT_SPOOFING,
            enforced ? Status.INFO : Status.WARN,
            messages
                + " messages from "
                + spoofers.size()
                + (spoofers.size() == 1 ? " source" : " sources")
                + " look like spoofing of "
                + d.domain())
        .subject(d.domain())
        .detail(
            "These sources passed neither SPF nor DKIM for any domain and sent no aligned mail:"
                + " someone else using your domain in From. "
                + (enforced
                    ? "Under p=" + policy + " receivers quarantine or reject it."
                    : "Under p=none receivers delivered it; a stricter policy stops it."))
        .evidence(top(f, spoofers))
        .build();
  }

  private static Finding readiness(
      DomainStats d,
      String policy,
      List<SourceStats> unaligned,
      long unalignedMessages,
      long spoofMessages,
      long forwardedMessages) {
    long legitimate = d.messages() - spoofMessages - forwardedMessages;
    double share = legitimate <= 0 ? 1.0 : (double) d.pass() / legitimate;
    share = Math.min(1.0, share);
    String pct = String.format(Locale.ROOT, "%.1f%%", share * 100);
    long days =
        d.first() > 0 && d.last() > d.first() ? (d.last() - d.first() + 86_399) / 86_400 : 0;
    String basis =
        d.messages()
            + " messages over "
            + days
            + (days == 1 ? " day" : " days")
            + " from "
            + d.reports()
            + (d.reports() == 1 ? " report" : " reports")
            + "; "
            + pct
            + " of legitimate mail aligned ("
            + d.pass()
            + " passed DMARC; "
            + spoofMessages
            + " spoofed and "
            + forwardedMessages
            + " forwarded not counted).";
    if (policy.equals("reject")) {
      if (unaligned.isEmpty())
        return Finding.of(
                FindingId.DMARC_REPORT_POLICY_READINESS,
                Status.PASS,
                "p=reject and " + pct + " of legitimate mail aligned")
            .subject(d.domain())
            .detail(basis)
            .build();
      return Finding.of(
              FindingId.DMARC_REPORT_POLICY_READINESS,
              Status.WARN,
              "p=reject, but " + unalignedMessages + " legitimate-looking messages fail")
          .subject(d.domain())
          .detail(basis + " Receivers reject that mail; fix the unaligned sources.")
          .build();
    }
    if (days < MIN_DAYS || d.messages() < 100)
      return Finding.of(
              FindingId.DMARC_REPORT_POLICY_READINESS,
              Status.INFO,
              "Too little data to judge readiness for a stricter policy")
          .subject(d.domain())
          .detail(
              basis
                  + " Judge after at least "
                  + MIN_DAYS
                  + " days and 100 messages of reports, covering every system that sends for the"
                  + " domain (monthly newsletters, invoices).")
          .build();
    String next = policy.equals("quarantine") ? "reject" : "quarantine";
    if (share >= READY)
      return Finding.of(
              FindingId.DMARC_REPORT_POLICY_READINESS,
              Status.PASS,
              "Ready for p=" + next + ": " + pct + " of legitimate mail aligned")
          .subject(d.domain())
          .detail(
              basis
                  + (unaligned.isEmpty()
                      ? ""
                      : " The few unaligned sources above are worth fixing first."))
          .remedy(
              "Change p="
                  + policy
                  + " to p="
                  + next
                  + " in the record at _dmarc."
                  + d.domain()
                  + (next.equals("quarantine")
                      ? ", watch the reports for a few weeks, then move to p=reject."
                      : "."))
          .build();
    return Finding.of(
            FindingId.DMARC_REPORT_POLICY_READINESS,
            Status.WARN,
            "Not ready for p=" + next + ": only " + pct + " of legitimate mail aligned")
        .subject(d.domain())
        .detail(
            basis
                + " "
                + unaligned.size()
                + " legitimate-looking "
                + (unaligned.size() == 1 ? "source fails" : "sources fail")
                + " alignment ("
                + unalignedMessages
                + " messages); under p="
                + next
                + " their mail would be "
                + (next.equals("reject") ? "rejected" : "sent to spam")
                + ".")
        .remedy(
            "Fix the sources listed under dmarc-report.unaligned-source (aligned DKIM at each"
                + " provider), then move to p="
                + next
                + " once at least "
                + (int) (READY * 100)
                + "% of legitimate mail aligns.")
        .build();
  }

  private static void inputs(DmarcReportFacts f, List<Finding> out) {
    int n = 0;
    int hidden = 0;
    for (DmarcReportFacts.InputNote note : f.inputs()) {
      if (note.read() && note.problems().isEmpty()) continue;
      if (note.read() && note.reason().equals("duplicate") && note.problems().isEmpty()) continue;
      if (++n > Limits.REPORT_INPUT_FINDINGS) {
        hidden++;
        continue;
      }
      if (!note.read()) {
        out.add(
            Finding.of(FindingId.DMARC_REPORT_SKIPPED, Status.WARN, "Input skipped")
                .subject(note.origin())
                .detail(note.reason())
                .build());
      } else {
        out.add(
            Finding.of(FindingId.DMARC_REPORT_MALFORMED, Status.WARN, "Report read only in part")
                .subject(note.origin())
                .detail(
                    "The report was read, but not all of it could be understood; what could be"
                        + " read is counted.")
                .evidence(note.problems())
                .build());
      }
    }
    if (hidden > 0)
      out.add(
          Finding.of(
                  FindingId.DMARC_REPORT_SKIPPED,
                  Status.WARN,
                  hidden + " more inputs skipped or read in part")
              .detail("See the inputs in the JSON output.")
              .build());
    if (f.duplicates() > 0)
      out.add(
          Finding.of(
                  FindingId.DMARC_REPORT_DUPLICATE,
                  Status.INFO,
                  f.duplicates()
                      + (f.duplicates() == 1 ? " report" : " reports")
                      + " seen twice, counted once")
              .detail(
                  "The same reporter and report id appeared more than once (a report in both a"
                      + " mailbox export and a file, or sent twice).")
              .build());
  }

  static Optional<Providers.Provider> provider(DmarcReportFacts f, SourceStats s) {
    List<String> names = new ArrayList<>();
    DmarcReportFacts.PtrInfo ptr = f.ptr().get(s.ip());
    if (ptr != null) names.addAll(ptr.names());
    for (String k : s.dkimSignatures().keySet()) {
      String[] parts = k.split(" ");
      if (parts.length >= 3 && parts[2].equals("pass") && parts[0].startsWith("d="))
        names.add(parts[0].substring(2));
    }
    for (String k : s.spfDomains().keySet()) {
      String[] parts = k.split(" ");
      if (parts.length >= 3 && parts[parts.length - 1].equals("pass")) names.add(parts[0]);
    }
    return Providers.ofAny(names);
  }

  static String subject(DmarcReportFacts f, SourceStats s) {
    DmarcReportFacts.PtrInfo ptr = f.ptr().get(s.ip());
    return ptr == null || ptr.names().isEmpty() ? s.ip() : s.ip() + " (" + ptr.names().get(0) + ")";
  }

  private static List<String> evidence(SourceStats s) {
    List<String> ev = new ArrayList<>();
    ev.add(
        "messages "
            + s.messages()
            + ", DMARC pass "
            + s.dmarcPass()
            + ", DKIM aligned "
            + s.dkimAligned()
            + ", SPF aligned "
            + s.spfAligned()
            + ", dispositions "
            + s.dispositions());
    s.dkimSignatures().forEach((k, v) -> ev.add("DKIM " + k + ": " + v));
    s.spfDomains().forEach((k, v) -> ev.add("SPF " + k + ": " + v));
    return ev;
  }

  private static List<String> top(DmarcReportFacts f, List<SourceStats> sources) {
    List<String> ev = new ArrayList<>();
    sources.stream()
        .sorted((a, b) -> Long.compare(b.dmarcFail(), a.dmarcFail()))
        .limit(10)
        .forEach(s -> ev.add(subject(f, s) + ": " + s.dmarcFail() + " failing messages"));
    if (sources.size() > 10) ev.add("... and " + (sources.size() - 10) + " more sources");
    return ev;
  }
}
