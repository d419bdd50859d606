package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.view.SpfView;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches the whole include/redirect tree of a record for an audit, every branch at once, so that
 * the wall time follows the depth of the tree. Unlike an evaluation it does not stop at the lookup
 * limit: the point is to show the tree that crosses it. It stops at loops and at {@code maxNodes}
 * nodes, so that a hostile fan-out (ten includes of ten includes...) cannot make it run away.
 */
final class SpfTreeWalker {
  private final SpfLookups lookups;
  private final int maxNodes;
  private final int maxNames;
  private final AtomicInteger nodes = new AtomicInteger();

  SpfTreeWalker(SpfLookups lookups, int maxNodes, int maxNames) {
    this.lookups = lookups;
    this.maxNodes = maxNodes;
    this.maxNames = maxNames;
  }

  /**
   * The node of a record: the root ({@code term} absent, cost 0) or an include/redirect (cost 1).
   */
  CompletableFuture<SpfView.Node> recordNode(
      Optional<String> term, String domain, List<String> path) {
    int own = term.isPresent() ? 1 : 0;
    if (path.contains(domain)) {
      return done(
          term,
          domain,
          own,
          "loop: "
              + String.join(" -> ", path)
              + " -> "
              + domain
              + " (evaluation ends in permerror at the lookup limit)",
          null);
    }
    if (!SpfLookups.queryable(domain)) {
      return done(
          term, domain, own, "'" + domain + "' is not a domain name that can be looked up", null);
    }
    return lookups
        .query(domain, RecordType.TXT)
        .thenCompose(
            r -> {
              if (r.isTemporaryFailure())
                return done(
                    term, domain, own, "TXT lookup failed: " + r.outcome() + " (temperror)", null);
              List<DnsRecord.Txt> found = SpfLookups.spfRecords(r);
              if (found.isEmpty())
                return done(term, domain, own, "no SPF record (" + r.outcome() + ")", null);
              if (found.size() > 1)
                return done(term, domain, own, found.size() + " SPF records (permerror)", null);
              SpfRecord rec = SpfParser.parse(found.get(0).text());
              List<String> below = new ArrayList<>(path);
              below.add(domain);
              List<CompletableFuture<SpfView.Node>> kids = termNodes(rec, domain, below);
              return CompletableFuture.allOf(kids.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v -> {
                        List<SpfView.Node> children =
                            kids.stream().map(CompletableFuture::join).toList();
                        int cost = own + children.stream().mapToInt(SpfView.Node::cost).sum();
                        Optional<String> error =
                            rec.problems().stream().findFirst().map(p -> "syntax error " + p);
                        return new SpfView.Node(
                            term,
                            domain,
                            Optional.of(rec.text()),
                            cost,
                            false,
                            List.of(),
                            children,
                            error,
                            Optional.empty());
                      });
            });
  }

  private List<CompletableFuture<SpfView.Node>> termNodes(
      SpfRecord rec, String domain, List<String> path) {
    List<CompletableFuture<SpfView.Node>> out = new ArrayList<>();
    boolean afterAll = false;
    for (SpfTerm t : rec.terms()) {
      if (!(t instanceof SpfTerm.Mechanism m)) continue;
      if (m.kind() == SpfTerm.Kind.ALL) {
        afterAll = true;
        continue;
      }
      if (!m.kind().queriesDns()) continue;
      String target = m.domainSpec().map(SpfTreeWalker::literal).orElse(domain);
      if (afterAll) {
        out.add(
            note(
                m.text(),
                target,
                0,
                "never evaluated: it comes after 'all', which always matches"));
      } else if (nodes.incrementAndGet() > maxNodes) {
        out.add(
            note(
                m.text(), target, 1, "not followed: the audit stops after " + maxNodes + " terms"));
      } else if (m.domainSpec().isPresent() && m.domainSpec().get().contains("%")) {
        out.add(
            note(
                m.text(),
                m.domainSpec().get(),
                1,
                "the name depends on the sender or client address (macros): not looked up"));
      } else {
        out.add(
            switch (m.kind()) {
              case INCLUDE -> recordNode(Optional.of(m.text()), target, path);
              case A -> addresses(m, target);
              case MX -> mx(m, target);
              case EXISTS -> exists(m, target);
              case PTR ->
                  note(
                      m.text(),
                      target,
                      1,
                      "deprecated (RFC 7208 §5.5): slow, unreliable, and depends on the client's reverse DNS");
              default -> throw new IllegalStateException(m.kind().toString());
            });
      }
    }
    rec.redirect()
        .ifPresent(
            r -> {
              String target = literal(r.value());
              if (rec.hasAll()) {
                out.add(
                    note(
                        r.text(),
                        target,
                        0,
                        "ignored: the record has an 'all' mechanism (RFC 7208 §6.1)"));
              } else if (r.value().contains("%")) {
                out.add(
                    note(
                        r.text(),
                        r.value(),
                        1,
                        "the name depends on the sender or client address (macros): not looked up"));
              } else if (nodes.incrementAndGet() > maxNodes) {
                out.add(
                    note(
                        r.text(),
                        target,
                        1,
                        "not followed: the audit stops after " + maxNodes + " terms"));
              } else {
                out.add(recordNode(Optional.of(r.text()), target, path));
              }
            });
    return out;
  }

  private CompletableFuture<SpfView.Node> addresses(SpfTerm.Mechanism m, String target) {
    if (!SpfLookups.queryable(target)) return neverMatches(m, target);
    var a = lookups.query(target, RecordType.A);
    var aaaa = lookups.query(target, RecordType.AAAA);
    return a.thenCombine(
        aaaa,
        (ra, r6) -> {
          if (ra.isTemporaryFailure() || r6.isTemporaryFailure()) {
            DnsResult bad = ra.isTemporaryFailure() ? ra : r6;
            return node(
                m.text(),
                target,
                false,
                List.of(),
                "lookup of " + bad.question() + " failed: " + bad.outcome() + " (temperror)",
                null);
          }
          List<String> addrs = addressTexts(m, ra, r6);
          boolean isVoid = addrs.isEmpty();
          return node(
              m.text(),
              target,
              isVoid,
              addrs,
              null,
              isVoid
                  ? "void lookup: " + target + " has no A or AAAA record (" + ra.outcome() + ")"
                  : null);
        });
  }

  private CompletableFuture<SpfView.Node> mx(SpfTerm.Mechanism m, String target) {
    if (!SpfLookups.queryable(target)) return neverMatches(m, target);
    return lookups
        .query(target, RecordType.MX)
        .thenCompose(
            r -> {
              if (r.isTemporaryFailure()) {
                return CompletableFuture.completedFuture(
                    node(
                        m.text(),
                        target,
                        false,
                        List.of(),
                        "MX lookup failed: " + r.outcome() + " (temperror)",
                        null));
              }
              // By preference, then name: servers rotate MX answers, the report should not.
              List<String> hosts =
                  r.recordsOrEmpty().stream()
                      .filter(DnsRecord.Mx.class::isInstance)
                      .map(DnsRecord.Mx.class::cast)
                      .sorted(
                          java.util.Comparator.comparingInt(DnsRecord.Mx::preference)
                              .thenComparing(DnsRecord.Mx::exchange))
                      .map(DnsRecord.Mx::exchange)
                      .filter(x -> !x.isEmpty())
                      .distinct()
                      .toList();
              if (hosts.isEmpty()) {
                return CompletableFuture.completedFuture(
                    node(
                        m.text(),
                        target,
                        r.isVoid(),
                        List.of(),
                        null,
                        r.isVoid()
                            ? "void lookup: " + target + " has no MX record (" + r.outcome() + ")"
                            : "null MX (RFC 7505): matches nothing"));
              }
              if (hosts.size() > maxNames) {
                return CompletableFuture.completedFuture(
                    node(
                        m.text(),
                        target,
                        false,
                        List.of(),
                        hosts.size()
                            + " MX names, more than "
                            + maxNames
                            + " (RFC 7208 §4.6.4): permerror",
                        null));
              }
              List<CompletableFuture<DnsResult>> answers = new ArrayList<>();
              for (String h : hosts) {
                answers.add(lookups.query(h, RecordType.A));
                answers.add(lookups.query(h, RecordType.AAAA));
              }
              return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v -> {
                        List<String> addrs = new ArrayList<>();
                        for (int i = 0; i < answers.size(); i += 2) {
                          addrs.addAll(
                              addressTexts(m, answers.get(i).join(), answers.get(i + 1).join()));
                        }
                        String note =
                            hosts.size()
                                + " MX host"
                                + (hosts.size() == 1 ? "" : "s")
                                + ": "
                                + String.join(", ", hosts)
                                + " (their address lookups are not counted)";
                        return node(
                            m.text(),
                            target,
                            false,
                            addrs.stream().distinct().toList(),
                            null,
                            note);
                      });
            });
  }

  private CompletableFuture<SpfView.Node> exists(SpfTerm.Mechanism m, String target) {
    if (!SpfLookups.queryable(target)) return neverMatches(m, target);
    return lookups
        .query(target, RecordType.A)
        .thenApply(
            r -> {
              if (r.isTemporaryFailure())
                return node(
                    m.text(),
                    target,
                    false,
                    List.of(),
                    "A lookup failed: " + r.outcome() + " (temperror)",
                    null);
              boolean isVoid = r.recordsOrEmpty().isEmpty();
              return node(
                  m.text(),
                  target,
                  isVoid,
                  List.of(),
                  null,
                  isVoid
                      ? "void lookup: "
                          + target
                          + " has no A record ("
                          + r.outcome()
                          + "); the term never matches"
                      : null);
            });
  }

  private static List<String> addressTexts(SpfTerm.Mechanism m, DnsResult a, DnsResult aaaa) {
    List<String> out = new ArrayList<>();
    for (DnsResult r : List.of(a, aaaa)) {
      for (DnsRecord rec : r.recordsOrEmpty()) {
        if (rec instanceof DnsRecord.Address addr) {
          boolean v4 = addr.address() instanceof Inet4Address;
          int len = v4 ? m.cidr4() : m.cidr6();
          String text = (v4 ? "ip4:" : "ip6:") + InetAddresses.format(addr.address());
          if (len != (v4 ? 32 : 128)) text += "/" + len;
          out.add(text);
        }
      }
    }
    return out;
  }

  private static SpfView.Node node(
      String term, String domain, boolean isVoid, List<String> addrs, String error, String note) {
    return new SpfView.Node(
        Optional.of(term),
        domain,
        Optional.empty(),
        1,
        isVoid,
        addrs,
        List.of(),
        Optional.ofNullable(error),
        Optional.ofNullable(note));
  }

  private static CompletableFuture<SpfView.Node> note(
      String term, String domain, int cost, String note) {
    return CompletableFuture.completedFuture(
        new SpfView.Node(
            Optional.of(term),
            domain,
            Optional.empty(),
            cost,
            false,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.of(note)));
  }

  /**
   * A term whose name cannot be asked (bad label, too long): it costs its lookup, never matches.
   */
  private static CompletableFuture<SpfView.Node> neverMatches(SpfTerm.Mechanism m, String target) {
    return done(
        Optional.of(m.text()),
        target,
        1,
        null,
        "not a name that can be looked up: the term never matches");
  }

  private static CompletableFuture<SpfView.Node> done(
      Optional<String> term, String domain, int cost, String error, String note) {
    return CompletableFuture.completedFuture(
        new SpfView.Node(
            term,
            domain,
            Optional.empty(),
            cost,
            false,
            List.of(),
            List.of(),
            Optional.ofNullable(error),
            Optional.ofNullable(note)));
  }

  /** A domain-spec without macros as the name it stands for. */
  private static String literal(String spec) {
    String n = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
    return n.toLowerCase(Locale.ROOT);
  }
}
