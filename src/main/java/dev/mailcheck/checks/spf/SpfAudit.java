package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.SpfView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Audits a domain's published SPF policy without a client address: the record, its syntax, and the
 * whole include/redirect tree with the lookups it costs. The ids and their statuses are listed in
 * docs/checks.md under SPF.
 */
public final class SpfAudit {
  /** How many DNS-querying terms an audit follows at most (a hostile tree could fan out). */
  static final int MAX_NODES = 100;

  /** Above this many lookups the headroom is small; a provider adding one include breaks mail. */
  static final int HEADROOM = 8;

  private static final Pattern TERM_START =
      Pattern.compile(
          "(?i)^[+\\-~?]?(all|include:|a[:/]|a$|mx[:/]|mx$|ptr|ip4:|ip6:|exists:|redirect=|exp=).*");

  private SpfAudit() {}

  public static SpfReport audit(String domain, DnsClient dns, SpfOptions options) {
    SpfLookups lookups = new SpfLookups(dns);
    var txtF = lookups.query(domain, RecordType.TXT);
    var type99F = lookups.query(domain, RecordType.SPF);
    DnsResult txt = txtF.join();
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
      return new SpfReport(out, section(domain, Optional.empty(), 0, 0, Optional.empty()));
    }
    List<DnsRecord.Txt> records = SpfLookups.spfRecords(txt);
    type99(domain, type99F.join(), records, out);
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
      return new SpfReport(out, section(domain, Optional.empty(), 0, 0, Optional.empty()));
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
      return new SpfReport(
          out, section(domain, Optional.of(records.get(0).text()), 0, 0, Optional.empty()));
    }
    DnsRecord.Txt raw = records.get(0);
    SpfRecord record = SpfParser.parse(raw.text());
    out.add(
        Finding.of(FindingId.SPF_PRESENT, Status.PASS, "SPF record published")
            .evidence(record.text())
            .subject(domain)
            .build());
    SpfView.Node tree =
        new SpfTreeWalker(lookups, MAX_NODES, options.maxNames())
            .recordNode(Optional.empty(), domain, List.of())
            .join();
    List<SpfView.Node> all = tree.flatten();
    syntax(domain, record, all, out);
    int voids = (int) all.stream().filter(SpfView.Node::voidLookup).count();
    lookups(tree, all, options, out);
    voids(all, voids, options, out);
    allQualifier(tree, out);
    ptr(all, out);
    includes(all, out);
    redirects(all, out);
    afterAll(domain, record, out);
    txtStrings(domain, raw, out);
    size(domain, txt, out);
    SpfView.Node shown =
        crossing(tree, all, options.maxLookups())
            .map(c -> mark(tree, c, options.maxLookups()))
            .orElse(tree);
    return new SpfReport(
        out, section(domain, Optional.of(record.text()), tree.cost(), voids, Optional.of(shown)));
  }

  /** The node whose lookup is the first over the limit, in evaluation order. */
  static Optional<SpfView.Node> crossing(SpfView.Node tree, List<SpfView.Node> all, int max) {
    int running = 0;
    for (SpfView.Node n : all) {
      running += n.ownCost();
      if (running > max) return Optional.of(n);
    }
    return Optional.empty();
  }

  /** The tree with a note on the node that crosses the limit, so the text and JSON show where. */
  private static SpfView.Node mark(SpfView.Node node, SpfView.Node target, int max) {
    if (node == target) {
      String marker = "lookup " + (max + 1) + ": over the limit from here on (permerror)";
      return new SpfView.Node(
          node.term(),
          node.domain(),
          node.record(),
          node.cost(),
          node.voidLookup(),
          node.addresses(),
          node.children(),
          node.error(),
          Optional.of(node.note().map(n -> n + "; " + marker).orElse(marker)));
    }
    if (node.children().isEmpty()) return node;
    List<SpfView.Node> kids = node.children().stream().map(c -> mark(c, target, max)).toList();
    return new SpfView.Node(
        node.term(),
        node.domain(),
        node.record(),
        node.cost(),
        node.voidLookup(),
        node.addresses(),
        kids,
        node.error(),
        node.note());
  }

  private static SpfView section(
      String domain, Optional<String> record, int lookups, int voids, Optional<SpfView.Node> tree) {
    return new SpfView(
        domain,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        record,
        lookups,
        voids,
        tree,
        List.of());
  }

  private static void syntax(
      String domain, SpfRecord record, List<SpfView.Node> all, List<Finding> out) {
    if (record.valid()) {
      out.add(
          Finding.of(FindingId.SPF_SYNTAX, Status.PASS, "Record syntax is valid")
              .subject(domain)
              .build());
    } else {
      out.add(syntaxFinding(domain, record));
    }
    for (SpfView.Node n : all.subList(1, all.size())) {
      if (n.record().isEmpty()) continue;
      SpfRecord inner = SpfParser.parse(n.record().get());
      if (!inner.valid()) out.add(syntaxFinding(n.domain(), inner));
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

  private static void lookups(
      SpfView.Node tree, List<SpfView.Node> all, SpfOptions options, List<Finding> out) {
    int total = tree.cost();
    int max = options.maxLookups();
    long macros = all.stream().filter(n -> n.note().orElse("").contains("(macros)")).count();
    String bound =
        macros > 0
            ? " (at least: "
                + macros
                + " term"
                + (macros == 1 ? " depends" : "s depend")
                + " on macros and "
                + (macros == 1 ? "was" : "were")
                + " not followed)"
            : "";
    String costliest = costliest(tree);
    if (total > max) {
      SpfView.Node crossing = crossing(tree, all, max).orElse(null);
      SpfView.Node top = crossing == null ? null : topLevel(tree, crossing);
      String where =
          crossing == null
              ? ""
              : " The lookup that crosses the limit is "
                  + crossing.term().orElse("?")
                  + (top != null && top != crossing
                      ? ", reached through " + top.term().orElse("?")
                      : "")
                  + ".";
      out.add(
          Finding.of(
                  FindingId.SPF_LOOKUPS,
                  Status.FAIL,
                  total + " DNS lookups, over the limit of " + max)
              .detail(
                  "RFC 7208 §4.6.4: evaluation stops with permerror at the "
                      + (max + 1)
                      + "th DNS-querying term, so mail that needs a later term fails SPF."
                      + where
                      + bound)
              .remedy(
                  "Shed "
                      + (total - max)
                      + " lookup"
                      + (total - max == 1 ? "" : "s")
                      + "."
                      + costliest
                      + flatten(tree, total, max))
              .subject(tree.domain())
              .build());
    } else if (total > HEADROOM) {
      out.add(
          Finding.of(
                  FindingId.SPF_LOOKUPS,
                  Status.INFO,
                  total + " of " + max + " DNS lookups: little headroom")
              .detail(
                  "A provider adding one include to its record would push the policy over the limit (permerror)."
                      + bound)
              .remedy("Keep headroom." + costliest + flatten(tree, total, HEADROOM))
              .subject(tree.domain())
              .build());
    } else {
      out.add(
          Finding.of(FindingId.SPF_LOOKUPS, Status.PASS, total + " of " + max + " DNS lookups")
              .detail(bound.trim())
              .subject(tree.domain())
              .build());
    }
  }

  private static String costliest(SpfView.Node tree) {
    List<SpfView.Node> top =
        tree.children().stream()
            .filter(c -> c.cost() > 1)
            .sorted(Comparator.comparingInt(SpfView.Node::cost).reversed())
            .limit(3)
            .toList();
    if (top.isEmpty()) return "";
    return " Costliest: "
        + String.join(
            ", ",
            top.stream().map(c -> c.term().orElse(c.domain()) + " (" + c.cost() + ")").toList())
        + ".";
  }

  /**
   * A record with the root's a/mx terms replaced by their addresses and ptr dropped, if it saves
   * lookups.
   */
  private static String flatten(SpfView.Node tree, int total, int target) {
    if (tree.record().isEmpty()) return "";
    SpfRecord rec = SpfParser.parse(tree.record().get());
    if (!rec.valid()) return "";
    List<String> terms = new ArrayList<>();
    int saved = 0;
    int child = 0;
    List<SpfView.Node> kids = tree.children();
    for (SpfTerm t : rec.terms()) {
      SpfView.Node node = null;
      if (t instanceof SpfTerm.Mechanism m
          && m.kind().queriesDns()
          && child < kids.size()
          && kids.get(child).term().orElse("").equals(m.text())) {
        node = kids.get(child++);
      }
      if (node != null && t instanceof SpfTerm.Mechanism m) {
        boolean plain =
            m.qualifier() == Qualifier.PASS && node.error().isEmpty() && node.ownCost() == 1;
        if (plain
            && (m.kind() == SpfTerm.Kind.A || m.kind() == SpfTerm.Kind.MX)
            && !node.addresses().isEmpty()
            && node.addresses().size() <= 10) {
          terms.addAll(node.addresses());
          saved++;
          continue;
        }
        if (m.kind() == SpfTerm.Kind.PTR && node.ownCost() == 1) {
          saved++;
          continue;
        }
      }
      terms.add(t.text());
    }
    if (saved == 0)
      return " Replace includes of services you no longer use, or ask providers for narrower includes.";
    String text = "v=spf1 " + String.join(" ", terms);
    return " Replacing the record's own a/mx terms with the addresses they stand for today (and dropping ptr) saves "
        + saved
        + ": \""
        + text
        + "\" ("
        + (total - saved)
        + " lookups; update it when those hosts change).";
  }

  private static SpfView.Node topLevel(SpfView.Node root, SpfView.Node target) {
    for (SpfView.Node c : root.children()) {
      if (c.flatten().stream().anyMatch(n -> n == target)) return c;
    }
    return null;
  }

  private static void voids(
      List<SpfView.Node> all, int voids, SpfOptions options, List<Finding> out) {
    List<String> evidence =
        all.stream()
            .filter(SpfView.Node::voidLookup)
            .map(n -> n.term().orElse("") + " (" + n.domain() + ")")
            .toList();
    if (voids == 0) {
      out.add(Finding.of(FindingId.SPF_VOID_LOOKUPS, Status.PASS, "No void lookups").build());
    } else if (voids <= options.maxVoidLookups()) {
      out.add(
          Finding.of(
                  FindingId.SPF_VOID_LOOKUPS,
                  Status.WARN,
                  voids + " void lookup" + (voids == 1 ? "" : "s"))
              .detail(
                  "These terms look up names with no records (NXDOMAIN or no data). They never match and count toward the limit of "
                      + options.maxVoidLookups()
                      + " (RFC 7208 §4.6.4); one more makes the record a permerror.")
              .remedy("Remove the terms, or publish the records they expect.")
              .evidence(evidence)
              .build());
    } else {
      out.add(
          Finding.of(
                  FindingId.SPF_VOID_LOOKUPS,
                  Status.FAIL,
                  voids + " void lookups, over the limit of " + options.maxVoidLookups())
              .detail(
                  "RFC 7208 §4.6.4: more than "
                      + options.maxVoidLookups()
                      + " lookups returning no records is a permerror for mail that reaches them.")
              .remedy("Remove the terms that name hosts without records.")
              .evidence(evidence)
              .build());
    }
  }

  /** The {@code all} that ends evaluation: the root's, or that of the record redirect= leads to. */
  private static void allQualifier(SpfView.Node tree, List<Finding> out) {
    SpfView.Node node = tree;
    for (int hops = 0; hops < 10 && node.record().isPresent(); hops++) {
      SpfRecord rec = SpfParser.parse(node.record().get());
      Optional<SpfTerm.Mechanism> all =
          rec.mechanisms().stream().filter(m -> m.kind() == SpfTerm.Kind.ALL).findFirst();
      if (all.isPresent()) {
        out.add(
            allFinding(
                all.get(),
                node.domain(),
                node == tree ? "" : " (in " + node.domain() + ", reached by redirect)"));
        return;
      }
      Optional<SpfView.Node> redirect =
          node.children().stream()
              .filter(c -> c.term().orElse("").toLowerCase().startsWith("redirect="))
              .findFirst();
      if (redirect.isEmpty()) break;
      node = redirect.get();
    }
    // A redirect= chain that ends in a loop or a missing record is a permerror with a finding of
    // its own (spf.loop, spf.redirect); "gets neutral, add -all" would be wrong on both counts.
    if (node != tree && node.error().isPresent()) return;
    out.add(
        Finding.of(
                FindingId.SPF_ALL,
                Status.WARN,
                "No 'all' mechanism: mail from other hosts gets neutral")
            .detail(
                "Without 'all' (or a working redirect=) the default result is neutral (RFC 7208 §4.7); receivers treat it like no policy.")
            .remedy(
                tree.record()
                    .map(r -> "End the record with -all (or ~all): \"" + r.strip() + " -all\"")
                    .orElse("End the record with -all or ~all."))
            .subject(tree.domain())
            .build());
  }

  private static Finding allFinding(SpfTerm.Mechanism all, String domain, String where) {
    return switch (all.qualifier()) {
      case FAIL ->
          Finding.of(
                  FindingId.SPF_ALL, Status.PASS, "-all: mail from other hosts fails SPF" + where)
              .subject(domain)
              .build();
      case SOFTFAIL ->
          Finding.of(
                  FindingId.SPF_ALL, Status.PASS, "~all: mail from other hosts softfails" + where)
              .detail(
                  "Softfail is a common choice alongside DMARC, which turns it into rejection by its own policy; -all is stricter for receivers that act on SPF alone.")
              .subject(domain)
              .build();
      case NEUTRAL ->
          Finding.of(
                  FindingId.SPF_ALL,
                  Status.WARN,
                  "?all: the policy asserts nothing about other hosts" + where)
              .detail("Neutral means 'no statement' (RFC 7208 §8.2); forged mail is not marked.")
              .remedy("Use ~all or -all once all legitimate senders are listed.")
              .subject(domain)
              .build();
      case PASS ->
          Finding.of(
                  FindingId.SPF_ALL,
                  Status.FAIL,
                  all.text() + ": every host on the Internet passes SPF" + where)
              .detail(
                  "'+all' authorizes the whole Internet to send as "
                      + domain
                      + "; SPF then protects nothing and some receivers treat it as spam.")
              .remedy("Replace '" + all.text() + "' with -all or ~all.")
              .subject(domain)
              .build();
    };
  }

  private static void ptr(List<SpfView.Node> all, List<Finding> out) {
    for (SpfView.Node n : all) {
      String term = n.term().orElse("");
      boolean ptrTerm = term.matches("(?i)[+\\-~?]?ptr([:/].*)?") && n.ownCost() == 1;
      boolean pMacro = n.record().map(r -> r.contains("%{p") || r.contains("%{P")).orElse(false);
      if (ptrTerm || pMacro) {
        out.add(
            Finding.of(
                    FindingId.SPF_PTR,
                    Status.WARN,
                    (ptrTerm ? "'" + term + "'" : "The %{p} macro") + " is deprecated")
                .detail(
                    "RFC 7208 §5.5: ptr (and %{p}) SHOULD NOT be used: it is slow, puts load on the .arpa servers, and fails when reverse DNS is missing; large receivers may skip it.")
                .remedy("List the sending hosts with ip4:/ip6: or a: instead.")
                .subject(n.domain())
                .build());
      }
    }
  }

  private static void includes(List<SpfView.Node> all, List<Finding> out) {
    for (SpfView.Node n : all) {
      String term = n.term().orElse("");
      String error = n.error().orElse("");
      boolean include = term.matches("(?i)[+\\-~?]?include:.*");
      if (error.endsWith("(temperror)")) {
        out.add(
            Finding.of(
                    FindingId.SPF_DNS,
                    Status.ERROR,
                    "Could not look up " + n.domain() + " for '" + term + "'")
                .detail(
                    error
                        + ". Receivers hitting this get temperror; the lookup counts above may be incomplete.")
                .subject(n.domain())
                .build());
      } else if (include && error.startsWith("no SPF record")) {
        out.add(
            Finding.of(
                    FindingId.SPF_INCLUDE_MISSING,
                    Status.FAIL,
                    "'" + term + "' names a domain without an SPF record")
                .detail(
                    n.domain()
                        + ": "
                        + error
                        + ". RFC 7208 §5.2: an include of a domain with no record is a permerror for every message that reaches it.")
                .remedy(
                    "Remove '"
                        + term
                        + "' or correct the domain (check the provider's documentation).")
                .subject(n.domain())
                .build());
      } else if (include && error.contains("SPF records")) {
        out.add(
            Finding.of(
                    FindingId.SPF_MULTIPLE,
                    Status.FAIL,
                    "'" + term + "' names a domain with several SPF records")
                .detail(n.domain() + ": " + error + " (RFC 7208 §4.5).")
                .subject(n.domain())
                .build());
      } else if (error.startsWith("loop")) {
        out.add(
            Finding.of(FindingId.SPF_LOOP, Status.FAIL, "Include/redirect loop at '" + term + "'")
                .detail(error + ".")
                .remedy("Remove '" + term + "'.")
                .subject(n.domain())
                .build());
      } else if (error.contains("MX names")) {
        out.add(
            Finding.of(
                    FindingId.SPF_MX_NAMES, Status.FAIL, "'" + term + "' has more than 10 MX names")
                .detail(n.domain() + ": " + error)
                .remedy("Use ip4:/ip6: for these hosts instead of mx.")
                .subject(n.domain())
                .build());
      }
    }
  }

  private static void redirects(List<SpfView.Node> all, List<Finding> out) {
    for (SpfView.Node n : all) {
      String term = n.term().orElse("");
      if (!term.toLowerCase().startsWith("redirect=")) continue;
      String error = n.error().orElse("");
      String note = n.note().orElse("");
      if (note.startsWith("ignored")) {
        out.add(
            Finding.of(FindingId.SPF_REDIRECT, Status.INFO, "'" + term + "' is ignored")
                .detail(
                    "The record has an 'all' mechanism, so redirect= never applies (RFC 7208 §6.1).")
                .remedy("Remove either 'all' or '" + term + "'.")
                .subject(n.domain())
                .build());
      } else if (error.startsWith("no SPF record") || error.contains("not a domain")) {
        out.add(
            Finding.of(FindingId.SPF_REDIRECT, Status.FAIL, "'" + term + "' leads to no SPF record")
                .detail(
                    n.domain()
                        + ": "
                        + error
                        + ". RFC 7208 §6.1: a redirect to a domain without a record is a permerror.")
                .remedy(
                    "Point redirect= at a domain that publishes SPF, or replace it with the policy itself.")
                .subject(n.domain())
                .build());
      } else if (n.flatten().stream().allMatch(x -> x.error().isEmpty())) {
        // Only when nothing below it is broken either: a redirect into a loop or a record with
        // errors is not a policy "taken"; those errors have findings of their own.
        out.add(
            Finding.of(
                    FindingId.SPF_REDIRECT,
                    Status.PASS,
                    "Policy taken from " + n.domain() + " by redirect=")
                .subject(n.domain())
                .build());
      }
    }
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
