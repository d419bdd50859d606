package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.spf.SpfTree.Lookup;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Audits a domain's published SPF policy without a client address: a pure evaluator over the
 * fetched {@link SpfTree} (facts in, findings and the judged tree out; no I/O, no clock). This
 * class judges the domain's own record (presence, syntax, type 99, terms after {@code all}, TXT
 * strings, size); {@link SpfLookupFindings} and {@link SpfTreeFindings} judge the tree. The ids and
 * their statuses are listed in docs/checks.md under SPF.
 */
final class SpfAudit {
  /** Above this many lookups the headroom is small; a provider adding one include breaks mail. */
  static final int HEADROOM = 8;

  private static final Pattern TERM_START =
      Pattern.compile(
          "(?i)^[+\\-~?]?(all|include:|a[:/]|a$|mx[:/]|mx$|ptr|ip4:|ip6:|exists:|redirect=|exp=).*");

  /**
   * What an audit found.
   *
   * @param record the domain's SPF record text (the first, if there are several)
   * @param tree the judged tree, when the domain has exactly one record
   * @param lookups DNS-querying terms over the whole tree, as an evaluation would charge them
   * @param voidLookups void lookups in the tree
   */
  record Result(
      String domain,
      List<Finding> findings,
      Optional<String> record,
      Optional<SpfAuditNode> tree,
      int lookups,
      int voidLookups,
      int maxLookups) {
    Result {
      findings = List.copyOf(findings);
    }
  }

  private SpfAudit() {}

  static Result audit(SpfTree tree, SpfOptions options) {
    String domain = tree.domain();
    if (!(tree.root().lookup() instanceof Lookup.Answered root)) {
      throw new IllegalArgumentException("the root of an SPF tree is always looked up");
    }
    DnsResult txt = root.txt();
    List<Finding> out = new ArrayList<>();
    if (txt.isTemporaryFailure()) {
      out.add(
          Finding.of(FindingId.SPF_PRESENT, Status.ERROR, "Could not look up the SPF record")
              .detail(
                  "The TXT lookup for "
                      + domain
                      + " failed ("
                      + txt.outcome()
                      + "); receivers would get temperror. This says nothing about whether a record exists.")
              .subject(domain)
              .build());
      return empty(domain, out, Optional.empty(), options);
    }
    List<DnsRecord.Txt> records = SpfLookups.spfRecords(txt);
    type99(domain, tree.type99(), records, out);
    if (records.isEmpty()) {
      out.add(
          Finding.of(FindingId.SPF_PRESENT, Status.FAIL, "No SPF record")
              .detail(
                  domain
                      + " publishes no TXT record starting with v=spf1 ("
                      + txt.outcome()
                      + "). Receivers get SPF none and cannot tell your mail from forgeries.")
              .remedy(
                  "Publish a TXT record at "
                      + domain
                      + ", e.g. \"v=spf1 mx -all\" if your MX hosts send your mail, or \"v=spf1 -all\" if the domain sends no mail.")
              .subject(domain)
              .build());
      return empty(domain, out, Optional.empty(), options);
    }
    if (records.size() > 1) {
      out.add(
          Finding.of(FindingId.SPF_PRESENT, Status.PASS, "SPF record published")
              .subject(domain)
              .build());
      out.add(
          Finding.of(FindingId.SPF_MULTIPLE, Status.FAIL, records.size() + " SPF records")
              .detail(
                  "RFC 7208 §4.5: more than one record starting with v=spf1 is a permerror; every receiver fails SPF for "
                      + domain
                      + ".")
              .remedy("Merge them into one TXT record and delete the others.")
              .evidence(records.stream().map(DnsRecord.Txt::text).toList())
              .subject(domain)
              .build());
      return empty(domain, out, Optional.of(records.get(0).text()), options);
    }
    DnsRecord.Txt raw = records.get(0);
    SpfRecord record = root.record().orElseThrow();
    out.add(
        Finding.of(FindingId.SPF_PRESENT, Status.PASS, "SPF record published")
            .evidence(record.text())
            .subject(domain)
            .build());
    SpfTreeJudge.Judged judged = SpfTreeJudge.judge(tree.root(), options);
    List<SpfAuditNode> all = judged.root().flatten();
    syntax(domain, record, all, out);
    SpfLookupFindings.lookups(judged, all, options, out);
    SpfLookupFindings.voids(judged, all, options, out);
    SpfTreeFindings.allQualifier(judged.root(), out);
    SpfTreeFindings.ptr(all, out);
    SpfTreeFindings.includes(all, out);
    SpfTreeFindings.redirects(judged.root(), true, out);
    afterAll(domain, record, out);
    txtStrings(domain, raw, out);
    size(domain, txt, out);
    return new Result(
        domain,
        out,
        Optional.of(record.text()),
        Optional.of(judged.root()),
        judged.lookups(),
        judged.voidLookups(),
        options.maxLookups());
  }

  private static Result empty(
      String domain, List<Finding> out, Optional<String> record, SpfOptions options) {
    return new Result(domain, out, record, Optional.empty(), 0, 0, options.maxLookups());
  }

  private static void syntax(
      String domain, SpfRecord record, List<SpfAuditNode> all, List<Finding> out) {
    if (record.valid()) {
      out.add(
          Finding.of(FindingId.SPF_SYNTAX, Status.PASS, "Record syntax is valid")
              .subject(domain)
              .build());
    } else {
      out.add(syntaxFinding(domain, record));
    }
    for (SpfAuditNode n : all.subList(1, all.size())) {
      if (n.record().isPresent() && !n.record().get().valid())
        out.add(syntaxFinding(n.domain(), n.record().get()));
    }
  }

  private static Finding syntaxFinding(String domain, SpfRecord record) {
    List<String> evidence = new ArrayList<>();
    for (SpfProblem p : record.problems().subList(0, Math.min(5, record.problems().size()))) {
      evidence.add(record.text());
      evidence.add(" ".repeat(Math.max(0, p.position() - 1)) + "^ " + p.message());
    }
    SpfProblem first = record.problems().get(0);
    return Finding.of(
            FindingId.SPF_SYNTAX, Status.FAIL, "Syntax error in the SPF record of " + domain)
        .detail(
            "Any syntax error makes the whole record a permerror (RFC 7208 §4.6): "
                + first
                + (record.problems().size() > 1
                    ? " (and " + (record.problems().size() - 1) + " more)"
                    : ""))
        .remedy("Fix the term at character " + first.position() + ".")
        .evidence(evidence)
        .subject(domain)
        .build();
  }

  private static void afterAll(String domain, SpfRecord record, List<Finding> out) {
    List<SpfTerm.Mechanism> ms = record.mechanisms();
    int idx = -1;
    for (int i = 0; i < ms.size(); i++) {
      if (ms.get(i).kind() == SpfTerm.Kind.ALL) {
        idx = i;
        break;
      }
    }
    if (idx < 0 || idx == ms.size() - 1) return;
    List<String> after =
        ms.subList(idx + 1, ms.size()).stream().map(SpfTerm.Mechanism::text).toList();
    out.add(
        Finding.of(
                FindingId.SPF_AFTER_ALL,
                Status.WARN,
                "Terms after '" + ms.get(idx).text() + "' are never evaluated")
            .detail(
                "'all' always matches, so "
                    + String.join(" ", after)
                    + " can never apply; their lookups are not counted.")
            .remedy("Move them before '" + ms.get(idx).text() + "' or remove them.")
            .subject(domain)
            .build());
  }

  private static void type99(
      String domain, DnsResult r, List<DnsRecord.Txt> txt, List<Finding> out) {
    List<String> spf99 =
        r.recordsOrEmpty().stream()
            .filter(DnsRecord.Txt.class::isInstance)
            .map(x -> ((DnsRecord.Txt) x).text())
            .filter(SpfParser::isSpf)
            .toList();
    List<String> other =
        r.recordsOrEmpty().stream()
            .filter(x -> !(x instanceof DnsRecord.Txt))
            .map(DnsRecord::data)
            .toList();
    if (spf99.isEmpty() && other.isEmpty()) return;
    boolean same = txt.size() == 1 && spf99.size() == 1 && spf99.get(0).equals(txt.get(0).text());
    out.add(
        Finding.of(FindingId.SPF_TYPE99, Status.WARN, "Obsolete SPF (type 99) record published")
            .detail(
                "RFC 7208 §3.1 and §14.1: SPF is published as TXT only; receivers no longer query type 99."
                    + (same
                        ? ""
                        : " It differs from the TXT record, which is the one that counts."))
            .remedy("Delete the type-99 record at " + domain + ".")
            .evidence(spf99.isEmpty() ? other : spf99)
            .subject(domain)
            .build());
  }

  /**
   * A record split into several strings is joined with nothing in between (RFC 7208 §3.3). The
   * common mistake is splitting at a term boundary and expecting a space: a string that begins with
   * a term right after one that does not end in a space glues two terms together.
   */
  private static void txtStrings(String domain, DnsRecord.Txt raw, List<Finding> out) {
    List<String> strings = raw.stringsAsText();
    List<String> evidence = new ArrayList<>();
    for (int i = 1; i < strings.size(); i++) {
      String prev = strings.get(i - 1);
      String next = strings.get(i);
      if (prev.isEmpty() || next.isEmpty() || prev.endsWith(" ") || next.startsWith(" ")) continue;
      if (TERM_START.matcher(next).matches()) {
        String tail = prev.substring(Math.max(0, prev.length() - 20));
        String head = next.substring(0, Math.min(20, next.length()));
        evidence.add(
            "string "
                + i
                + " ends \"…"
                + tail
                + "\", string "
                + (i + 1)
                + " begins \""
                + head
                + "…\" -> joined \""
                + tail
                + head
                + "\"");
      }
    }
    if (evidence.isEmpty()) return;
    out.add(
        Finding.of(
                FindingId.SPF_TXT_STRINGS,
                Status.WARN,
                "The record's strings are joined without a space")
            .detail(
                "The TXT record has "
                    + strings.size()
                    + " strings; receivers join them with nothing in between (RFC 7208 §3.3), so a term at the start of a string sticks to the end of the previous one.")
            .remedy(
                "End each string (except the last) with a space, or split inside a term, e.g. \"v=spf1 ip4:192.0.2.0/24 \" \"include:_spf.example.net -all\".")
            .evidence(evidence)
            .subject(domain)
            .build());
  }

  /** RFC 7208 §3.4: the answer should fit a 512-octet UDP response. */
  private static void size(String domain, DnsResult txt, List<Finding> out) {
    int bytes = 12 + wireLength(domain) + 4;
    for (DnsRecord r : txt.recordsOrEmpty()) {
      if (!(r instanceof DnsRecord.Txt t)) continue;
      bytes += 2 + 10;
      for (byte[] s : t.strings()) bytes += 1 + s.length;
    }
    if (bytes <= 512) return;
    out.add(
        Finding.of(
                FindingId.SPF_SIZE, Status.WARN, "The TXT answer is " + bytes + " octets, over 512")
            .detail(
                "RFC 7208 §3.4: SPF answers should fit a 512-octet UDP response. Larger ones need EDNS0 or TCP, which some resolvers and middleboxes break; receivers then get temperror. The count covers every TXT record at "
                    + domain
                    + ", not just SPF.")
            .remedy(
                "Shorten the SPF record (move ranges into an include) or move other TXT records (site verifications) to subdomains.")
            .subject(domain)
            .build());
  }

  private static int wireLength(String name) {
    return name.isEmpty() ? 1 : name.length() + 2;
  }
}
