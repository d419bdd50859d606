package dev.mailcheck.checks.blocklist;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Blocklist facts in, findings out. Pure.
 *
 * <ul>
 *   <li>{@code blocklist.listed}: {@code fail} per target and high-impact list, {@code warn} on a
 *       low-impact list; {@code pass} per target not listed on any list that answered (one summary
 *       when there are more than {@value #PASS_PER_TARGET} targets);
 *   <li>{@code blocklist.policy}: a policy listing (Spamhaus PBL), {@code warn}; {@code fail} for a
 *       sending address of the domain report, whose direct-to-MX mail receivers will refuse;
 *   <li>{@code blocklist.error}: one per list and reason, listing the targets: a refusal, an
 *       undocumented answer or a failed lookup. Never a listing, never "not listed";
 *   <li>{@code blocklist.skipped}: {@code info}, a special-purpose address not looked up.
 * </ul>
 *
 * <p>Over the ~300-line guide on purpose: one finding builder per verdict kind (listed, policy,
 * error by reason, skipped, not listed), each with the list's own texts; they share grouping and
 * evidence helpers.
 */
public final class BlocklistEvaluator {
  static final int PASS_PER_TARGET = 16;
  static final int EVIDENCE = 10;

  private final Switches switches;

  /**
   * @param switches how remedies name the switches they point to
   */
  public BlocklistEvaluator(Switches switches) {
    this.switches = switches;
  }

  public List<Finding> evaluate(BlocklistFacts facts) {
    List<Finding> out = new ArrayList<>();
    Map<String, List<BlocklistFacts.Lookup>> byTarget = new LinkedHashMap<>();
    for (BlocklistFacts.Lookup l : facts.lookups())
      byTarget.computeIfAbsent(l.target().display(), k -> new ArrayList<>()).add(l);
    Map<String, List<BlocklistFacts.Lookup>> errors = new LinkedHashMap<>();
    List<String> clean = new ArrayList<>();
    int cleanLists = 0;
    for (var e : byTarget.entrySet()) {
      boolean listed = false;
      int answered = 0;
      for (BlocklistFacts.Lookup l : e.getValue()) {
        switch (l.verdict()) {
          case Verdict.NotListed n -> answered++;
          case Verdict.Listed v -> {
            answered++;
            listed = true;
            out.add(listed(l, v));
          }
          case Verdict.Policy p -> {
            answered++;
            listed = true;
            out.add(policy(l, p));
          }
          case Verdict.Failed f ->
              errors
                  .computeIfAbsent(l.list().name() + " " + f.reason(), k -> new ArrayList<>())
                  .add(l);
        }
      }
      if (!listed && answered > 0) {
        clean.add(e.getKey());
        cleanLists = Math.max(cleanLists, answered);
        if (byTarget.size() <= PASS_PER_TARGET) out.add(notListed(e.getValue(), answered));
      }
    }
    if (byTarget.size() > PASS_PER_TARGET && !clean.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.BLOCKLIST_LISTED,
                  Status.PASS,
                  clean.size() + " of " + byTarget.size() + " targets are not listed")
              .detail("Not listed on any list that answered (up to " + cleanLists + " lists each).")
              .build());
    }
    for (List<BlocklistFacts.Lookup> group : errors.values()) out.add(error(group));
    for (BlocklistFacts.Skipped s : facts.skipped()) out.add(skipped(s));
    return out;
  }

  private static Finding notListed(List<BlocklistFacts.Lookup> lookups, int answered) {
    BlocklistFacts.Lookup first = lookups.get(0);
    int failed = lookups.size() - answered;
    String names =
        lookups.stream()
            .filter(l -> l.verdict() instanceof Verdict.NotListed)
            .map(l -> l.list().name())
            .collect(Collectors.joining(", "));
    return Finding.of(
            FindingId.BLOCKLIST_LISTED,
            Status.PASS,
            "Not listed on "
                + (answered == 1 ? "the 1 list" : "any of " + answered + " lists")
                + (failed > 0 ? " that answered" : ""))
        .subject(subject(first.target()))
        .detail("Asked: " + names + "." + (failed > 0 ? " " + failed + " could not be asked." : ""))
        .build();
  }

  private static Finding listed(BlocklistFacts.Lookup l, Verdict.Listed v) {
    Blocklist.Impact impact =
        v.codes().stream()
                .filter(c -> c.type() == ReturnCode.Type.LISTED)
                .allMatch(c -> c.impact().orElse(l.list().impact()) == Blocklist.Impact.LOW)
            ? Blocklist.Impact.LOW
            : Blocklist.Impact.HIGH;
    String meanings = meanings(v.codes());
    StringBuilder detail = new StringBuilder();
    detail
        .append(l.list().zone())
        .append(" answers ")
        .append(String.join(", ", v.answers()))
        .append(": ")
        .append(meanings)
        .append('.');
    reason(l).ifPresent(r -> detail.append(" The list says: \"").append(r).append("\"."));
    detail.append(
        impact == Blocklist.Impact.HIGH
            ? " Many large receivers reject or junk mail from listed sources."
            : " Few large receivers use this list, but some filters score on it.");
    if (l.target().role() == BlocklistTarget.Role.MX)
      detail.append(" This is an MX address: it matters when the server also sends mail.");
    return Finding.of(
            FindingId.BLOCKLIST_LISTED,
            impact == Blocklist.Impact.HIGH ? Status.FAIL : Status.WARN,
            "Listed on " + l.list().title())
        .subject(subject(l.target()))
        .detail(detail.toString())
        .remedy(
            "Find and stop the cause first (a compromised account or host, an open relay, a"
                + " form that sends to any address, bought lists), then ask for removal"
                + (l.list().delist().isEmpty() ? "" : " at " + l.list().delist())
                + ".")
        .evidence(evidence(l))
        .build();
  }

  private static Finding policy(BlocklistFacts.Lookup l, Verdict.Policy p) {
    boolean sender = l.target().role() == BlocklistTarget.Role.SENDER;
    String detail =
        l.list().zone()
            + " answers "
            + String.join(", ", p.answers())
            + ": "
            + meanings(p.codes())
            + ". This is a policy listing, not a spam listing: receivers that use the list refuse"
            + " mail that this address delivers directly to their MX servers."
            + (sender
                ? " It is named as a sending address of the domain, so its mail will be refused."
                : l.target().role() == BlocklistTarget.Role.MX
                    ? " As an MX (receiving) address this matters only if the server also sends"
                        + " mail."
                    : " Fine for a client that submits mail through its provider's relay.");
    return Finding.of(
            FindingId.BLOCKLIST_POLICY,
            sender ? Status.FAIL : Status.WARN,
            "Not for direct-to-MX delivery: in the policy block list of " + l.list().title())
        .subject(subject(l.target()))
        .detail(detail)
        .remedy(
            "If this address is a mail server that delivers to other domains, ask its provider"
                + " to take it out of the policy list"
                + (l.list().delist().isEmpty()
                    ? ""
                    : " (or remove it at " + l.list().delist() + ")")
                + " and give it a reverse DNS name; otherwise send through a relay (submission on"
                + " port 587).")
        .evidence(evidence(l))
        .build();
  }

  private Finding error(List<BlocklistFacts.Lookup> group) {
    BlocklistFacts.Lookup first = group.get(0);
    Blocklist list = first.list();
    Verdict.Failed f = (Verdict.Failed) first.verdict();
    String answers = String.join(", ", f.answers());
    String title;
    String why;
    String remedy;
    switch (f.reason()) {
      case PUBLIC_RESOLVER -> {
        title = list.title() + " refused the query (public resolver)";
        why =
            list.zone()
                + " answered "
                + answers
                + ("".equals(f.meaning()) ? "" : " (" + f.meaning() + ")")
                + ". That is the list refusing this resolver, not a listing. "
                + list.terms();
        remedy =
            "Ask through your own recursive resolver ("
                + switches.resolver()
                + "), not a public one such as"
                + " 8.8.8.8 or 1.1.1.1; see the list's terms for commercial or high-volume use.";
      }
      case RATE_LIMIT -> {
        title = list.title() + " refused the query (rate limit)";
        why =
            list.zone()
                + " answered "
                + answers
                + ("".equals(f.meaning()) ? "" : " (" + f.meaning() + ")")
                + ": this resolver asks too often. That is not a listing. "
                + list.terms();
        remedy = "Ask through a resolver of your own with low query volume, or later.";
      }
      case MISCONFIGURED -> {
        title = list.title() + " says the query was wrong";
        why =
            list.zone()
                + " answered "
                + answers
                + ("".equals(f.meaning()) ? "" : " (" + f.meaning() + ")")
                + ". Not a listing.";
        remedy = "Check the list's zone name and kind (ip or domain) in the lists file.";
      }
      case LOOPBACK_ANSWER -> {
        title = list.title() + " answered 127.0.0.1, which is not a listing";
        why =
            "127.0.0.1 is not one of this list's listing codes (lists answer 127.0.0.2 and up,"
                + " RFC 5782 §2.1). Lists answer it to resolvers they refuse, and a list that was"
                + " shut down may answer it to every query. Not counted as listed.";
        remedy = "Ask through your own resolver; if it persists, the list may be dead: drop it.";
      }
      case NOT_LOOPBACK -> {
        title = list.title() + " answered " + answers + ", outside 127.0.0.0/8";
        why =
            "A blocklist answers in 127.0.0.0/8. An address outside it means a resolver or ISP"
                + " that rewrites NXDOMAIN answers (to a search or advertising page), or a list"
                + " whose domain expired or was shut down and now points elsewhere. Not counted as"
                + " listed.";
        remedy =
            "Use a resolver that does not rewrite NXDOMAIN; if it persists, the list is probably"
                + " dead: drop it from the lists.";
      }
      case UNDOCUMENTED -> {
        title = list.title() + " answered " + answers + ", a code it does not document";
        why =
            "Not among the return codes this list documents: it may have changed its codes, or"
                + " been shut down (dead lists often answer every query). Not counted as listed.";
        remedy =
            "Look the code up on the list's site"
                + (list.delist().isEmpty() ? "" : " (" + list.delist() + ")")
                + " and add it to "
                + switches.listsFile()
                + " if it is new.";
      }
      case LOOKUP_FAILED -> {
        title = "Could not ask " + list.title() + " (" + f.meaning() + ")";
        why =
            "The lookup under "
                + list.zone()
                + " ended in "
                + f.meaning()
                + ": a temporary failure, which says nothing about whether the target is listed.";
        remedy =
            "Try again later, with " + switches.longerTimeout() + ", or through another resolver.";
      }
      default -> throw new IllegalStateException(f.reason().toString());
    }
    List<String> evidence = new ArrayList<>();
    for (BlocklistFacts.Lookup l : group.subList(0, Math.min(EVIDENCE, group.size())))
      evidence.add(l.queryName() + ". A " + answerText(l.a()));
    if (group.size() > EVIDENCE) evidence.add("... and " + (group.size() - EVIDENCE) + " more");
    String targets = group.size() == 1 ? subject(first.target()) : group.size() + " targets";
    return Finding.of(FindingId.BLOCKLIST_ERROR, Status.ERROR, title)
        .subject(list.name() + ": " + targets)
        .detail(why)
        .remedy(remedy)
        .evidence(evidence)
        .build();
  }

  private Finding skipped(BlocklistFacts.Skipped s) {
    return Finding.of(
            FindingId.BLOCKLIST_SKIPPED,
            Status.INFO,
            "Not looked up: " + s.target().display() + " is " + article(s.range()))
        .subject(subject(s.target()))
        .detail(
            "Public blocklists never list special-purpose addresses, so asking would only cost"
                + " queries. Use "
                + switches.allowPrivate()
                + " to ask anyway (private lists, labs).")
        .build();
  }

  private static String article(String range) {
    return (range.matches("(?i)^[aeiou].*") ? "an " : "a ") + range + " address";
  }

  static String subject(BlocklistTarget t) {
    return t.note().isEmpty() ? t.display() : t.display() + " (" + t.note() + ")";
  }

  static String meanings(List<ReturnCode> codes) {
    return codes.stream().map(ReturnCode::meaning).distinct().collect(Collectors.joining("; "));
  }

  static Optional<String> reason(BlocklistFacts.Lookup l) {
    return l.txt()
        .filter(r -> r instanceof DnsResult.Records)
        .map(r -> ((DnsResult.Records) r).of(DnsRecord.Txt.class))
        .filter(t -> !t.isEmpty())
        .map(t -> t.stream().map(DnsRecord.Txt::text).collect(Collectors.joining(" | ")))
        .map(s -> s.length() > 300 ? s.substring(0, 300) + "..." : s);
  }

  private static List<String> evidence(BlocklistFacts.Lookup l) {
    List<String> ev = new ArrayList<>();
    ev.add(l.queryName() + ". A " + answerText(l.a()));
    reason(l).ifPresent(r -> ev.add(l.queryName() + ". TXT \"" + r + "\""));
    return ev;
  }

  static String answerText(DnsResult a) {
    if (a instanceof DnsResult.Records r) {
      List<String> xs =
          r.of(DnsRecord.Address.class).stream().map(x -> x.address().getHostAddress()).toList();
      if (!xs.isEmpty()) return String.join(", ", xs);
    }
    return a.outcome().toLowerCase(Locale.ROOT).equals("noerror") ? "NOERROR" : a.outcome();
  }
}
