package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.spf.SpfTree.Lookup;
import dev.mailcheck.checks.spf.SpfTree.Node;
import dev.mailcheck.checks.spf.SpfTree.Reason;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one walker of an SPF policy tree, and the only I/O of the audit: it asks every question as
 * soon as its name is known (the TXT of each include/redirect target the moment the record naming
 * it arrives, the addresses of each MX host the moment the MX answer arrives), all through the
 * run's {@link DnsClient}, so the wall time follows the depth of the tree, not its number of
 * lookups.
 *
 * <p>For an audit ({@link #fetch}) it does not stop at the lookup limit (the point is to show the
 * tree that crosses it) but at loops and after {@value Limits#SPF_AUDIT_TERMS} DNS-querying terms
 * (a hostile record tree could fan out 10 × 10 × ...). An evaluation uses the same walk as its
 * prefetch ({@link #prefetch}): bounded by the lookup limit, the client's address family only,
 * macro names expanded for that client; it never decides anything.
 */
final class SpfTreeFetcher {
  /**
   * What to fetch.
   *
   * @param addressTypes asked for {@code a} targets and MX hosts
   * @param followInvalid whether to follow the terms of a record with a syntax error
   * @param macros the client's macro values, to expand names with macros; empty: not followed
   */
  private record Scope(
      int maxTerms,
      int maxNames,
      List<RecordType> addressTypes,
      boolean followInvalid,
      Optional<SpfMacros.Values> macros) {}

  private final DnsClient dns;
  private final Scope scope;
  private final AtomicInteger terms = new AtomicInteger();

  private SpfTreeFetcher(DnsClient dns, Scope scope) {
    this.dns = dns;
    this.scope = scope;
  }

  /** Fetches everything an audit of {@code domain} needs, including the obsolete type 99. */
  static CompletableFuture<SpfTree> fetch(DnsClient dns, String domain, SpfOptions options) {
    Scope scope =
        new Scope(
            Limits.SPF_AUDIT_TERMS,
            options.maxNames(),
            List.of(RecordType.A, RecordType.AAAA),
            true,
            Optional.empty());
    CompletableFuture<Node.Record> root =
        new SpfTreeFetcher(dns, scope).record(Optional.empty(), domain, List.of());
    return root.thenCombine(
        SpfLookups.ask(dns, domain, RecordType.SPF), (r, t99) -> new SpfTree(domain, t99, r));
  }

  /**
   * Starts asking what an evaluation for this client will probably ask, and returns at once. The
   * evaluation finds the answers waiting in the run's cache (or in flight, coalesced).
   */
  static void prefetch(
      DnsClient dns,
      String domain,
      SpfOptions options,
      SpfMacros.Values values,
      RecordType addressType) {
    Scope scope =
        new Scope(
            options.maxLookups(),
            options.maxNames(),
            List.of(addressType),
            false,
            Optional.of(values));
    new SpfTreeFetcher(dns, scope).record(Optional.empty(), domain, List.of());
  }

  private CompletableFuture<Node.Record> record(
      Optional<SpfTerm> via, String domain, List<String> path) {
    if (path.contains(domain)) {
      return done(new Node.Record(via, domain, new Lookup.Loop(path)));
    }
    if (via.isPresent() && !SpfLookups.queryable(domain)) {
      return done(new Node.Record(via, domain, new Lookup.Unqueryable()));
    }
    return SpfLookups.ask(dns, domain, RecordType.TXT)
        .thenCompose(
            txt -> {
              List<DnsRecord.Txt> found = SpfLookups.spfRecords(txt);
              if (txt.isTemporaryFailure() || found.size() != 1) {
                return done(answered(via, domain, txt, Optional.empty(), List.of()));
              }
              SpfRecord rec = SpfParser.parse(found.get(0).text());
              if (!rec.valid() && !scope.followInvalid()) {
                return done(answered(via, domain, txt, Optional.of(rec), List.of()));
              }
              List<String> below = new ArrayList<>(path);
              below.add(domain);
              return all(children(rec, domain, below))
                  .thenApply(kids -> answered(via, domain, txt, Optional.of(rec), kids));
            });
  }

  private static Node.Record answered(
      Optional<SpfTerm> via,
      String domain,
      DnsResult txt,
      Optional<SpfRecord> rec,
      List<Node> children) {
    return new Node.Record(via, domain, new Lookup.Answered(txt, rec, children));
  }

  private List<CompletableFuture<Node>> children(SpfRecord rec, String domain, List<String> path) {
    List<CompletableFuture<Node>> out = new ArrayList<>();
    boolean afterAll = false;
    for (SpfTerm t : rec.terms()) {
      if (!(t instanceof SpfTerm.Mechanism m)) continue;
      if (m.kind() == SpfTerm.Kind.ALL) {
        afterAll = true;
        continue;
      }
      if (!m.kind().queriesDns()) continue;
      String target = m.domainSpec().map(SpfTreeFetcher::literal).orElse(domain);
      if (afterAll) {
        out.add(notFollowed(m, target, Reason.AFTER_ALL));
      } else if (terms.incrementAndGet() > scope.maxTerms()) {
        out.add(notFollowed(m, target, Reason.CAPPED));
      } else if (m.domainSpec().isPresent() && m.domainSpec().get().contains("%")) {
        String spec = m.domainSpec().get();
        out.add(
            expand(spec, domain)
                .map(name -> follow(m, name, path))
                .orElseGet(() -> notFollowed(m, spec, Reason.MACROS)));
      } else {
        out.add(follow(m, target, path));
      }
    }
    rec.redirect()
        .ifPresent(
            r -> {
              String target = literal(r.value());
              Optional<String> expanded =
                  r.value().contains("%") ? expand(r.value(), domain) : Optional.of(target);
              if (rec.hasAll()) {
                out.add(notFollowed(r, target, Reason.REDIRECT_IGNORED));
              } else if (expanded.isEmpty()) {
                out.add(notFollowed(r, r.value(), Reason.MACROS));
              } else if (terms.incrementAndGet() > scope.maxTerms()) {
                out.add(notFollowed(r, target, Reason.CAPPED));
              } else {
                out.add(widen(record(Optional.of(r), expanded.get(), path)));
              }
            });
    return out;
  }

  private CompletableFuture<Node> follow(SpfTerm.Mechanism m, String target, List<String> path) {
    return switch (m.kind()) {
      case INCLUDE -> widen(record(Optional.of(m), target, path));
      case A -> address(m, target);
      case MX -> mx(m, target);
      case EXISTS -> exists(m, target);
      case PTR -> notFollowed(m, target, Reason.PTR);
      case ALL, IP4, IP6 -> throw new IllegalStateException(m.kind().toString());
    };
  }

  private CompletableFuture<Node> address(SpfTerm.Mechanism m, String target) {
    if (!SpfLookups.queryable(target)) return notFollowed(m, target, Reason.UNQUERYABLE);
    return addresses(target).thenApply(answers -> new Node.Address(m, target, answers));
  }

  private CompletableFuture<Node> mx(SpfTerm.Mechanism m, String target) {
    if (!SpfLookups.queryable(target)) return notFollowed(m, target, Reason.UNQUERYABLE);
    return SpfLookups.ask(dns, target, RecordType.MX)
        .thenCompose(
            r -> {
              List<String> hosts = SpfLookups.mxHosts(r);
              if (hosts.size() > scope.maxNames()) hosts = List.of();
              List<CompletableFuture<SpfTree.MxHost>> answers = new ArrayList<>();
              for (String h : hosts) {
                answers.add(addresses(h).thenApply(a -> new SpfTree.MxHost(h, a)));
              }
              return all(answers).thenApply(found -> (Node) new Node.Mx(m, target, r, found));
            });
  }

  private CompletableFuture<Node> exists(SpfTerm.Mechanism m, String target) {
    if (!SpfLookups.queryable(target)) return notFollowed(m, target, Reason.UNQUERYABLE);
    return SpfLookups.ask(dns, target, RecordType.A).thenApply(r -> new Node.Exists(m, target, r));
  }

  private CompletableFuture<List<DnsResult>> addresses(String name) {
    return all(scope.addressTypes().stream().map(t -> SpfLookups.ask(dns, name, t)).toList());
  }

  /** The name a domain-spec with macros stands for, when this fetch knows the client. */
  private Optional<String> expand(String spec, String domain) {
    if (scope.macros().isEmpty() || spec.contains("%{p") || spec.contains("%{P")) {
      return Optional.empty(); // %{p} costs lookups of its own (RFC 7208 §7.3): not ahead of time
    }
    String name = SpfMacros.expandDomain(spec, scope.macros().get().withDomain(domain));
    return SpfLookups.queryable(name) ? Optional.of(name) : Optional.empty();
  }

  private static CompletableFuture<Node> notFollowed(SpfTerm t, String target, Reason reason) {
    return done(new Node.NotFollowed(t, target, reason));
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static CompletableFuture<Node> widen(CompletableFuture<? extends Node> f) {
    return f.thenApply(n -> n);
  }

  private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
  }

  /** A domain-spec without macros as the name it stands for. */
  private static String literal(String spec) {
    String n = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
    return n.toLowerCase(Locale.ROOT);
  }
}
