package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.LookupBudget;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code check_host()} of RFC 7208 §4 against a {@link DnsClient}.
 *
 * <p>Order and limits are the RFC's: terms are evaluated left to right, the first match decides,
 * {@code redirect=} only after every mechanism missed, each DNS-querying term charges the {@link
 * LookupBudget} when it is evaluated (§4.6.4), and a temporary DNS failure is a {@code temperror},
 * never {@code none}.
 *
 * <p>Speed comes from prefetching: as soon as a record is known, the questions of its terms whose
 * names need no further answer ({@code include}, {@code redirect}, {@code a}, {@code mx}, {@code
 * exists}; and again inside each included record as it arrives) are all sent at once. The
 * evaluation then finds most answers waiting, so its wall time follows the depth of the include
 * tree, not the number of lookups. Prefetching is bounded by the lookup limit: at most {@code
 * maxLookups} terms (plus their MX hosts) per evaluation are fetched ahead; it never charges the
 * budget and never changes a result.
 */
public final class SpfEvaluator {
  private final DnsClient dns;
  private final SpfOptions options;

  public SpfEvaluator(DnsClient dns, SpfOptions options) {
    this.dns = Objects.requireNonNull(dns);
    this.options = Objects.requireNonNull(options);
  }

  /**
   * Evaluates {@code check_host(ip, domain, sender)}. {@code sender} is the full MAIL FROM address
   * ({@code postmaster@helo} for a null reverse-path, RFC 7208 §2.4); {@code helo} feeds {@code
   * %{h}}.
   */
  public SpfEvaluation checkHost(InetAddress ip, String domain, String sender, String helo) {
    Run run = new Run(ip, sender, helo);
    Outcome o;
    try {
      o = run.checkHost(normalize(domain), true, 0);
    } catch (Abort a) {
      o = new Outcome(a.result, a.reason, a.domain, Optional.empty(), Optional.empty());
    }
    Optional<String> explanation = o.result == SpfResult.FAIL ? o.explanation : Optional.empty();
    return new SpfEvaluation(
        o.result,
        o.reason,
        explanation,
        o.domain,
        o.term,
        run.budget.lookups(),
        run.budget.voidLookups(),
        run.steps);
  }

  private record Outcome(
      SpfResult result,
      String reason,
      String domain,
      Optional<String> term,
      Optional<String> explanation) {}

  /** Ends the evaluation with a permerror or temperror from deep inside it. */
  private static final class Abort extends RuntimeException {
    final SpfResult result;
    final String reason;
    final String domain;

    Abort(SpfResult result, String domain, String reason) {
      super(reason, null, false, false);
      this.result = result;
      this.reason = reason;
      this.domain = domain;
    }
  }

  private static String normalize(String name) {
    String n =
        name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }

  /** The state of one evaluation. */
  private final class Run {
    final SpfLookups lookups = new SpfLookups(dns);
    final LookupBudget budget = new LookupBudget(options.maxLookups(), options.maxVoidLookups());
    final AtomicInteger prefetched = new AtomicInteger();
    final List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());
    final SpfMacros.Values values;
    final RecordType addressType;
    private String validatedName;

    Run(InetAddress ip, String sender, String helo) {
      this.addressType = ip instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
      this.values =
          new SpfMacros.Values(
              ip,
              sender,
              "",
              helo,
              options.receiver(),
              options.clock().instant().getEpochSecond(),
              this::validatedName);
    }

    Outcome checkHost(String domain, boolean wantExplanation, int depth) {
      if (!SpfLookups.queryable(domain) || domain.indexOf('.') < 0 || domain.contains("[")) {
        return outcome(
            SpfResult.NONE, domain, "'" + domain + "' is not a domain name that can be looked up");
      }
      DnsResult txt = lookups.resolve(domain, RecordType.TXT);
      if (txt.isTemporaryFailure()) {
        return outcome(
            SpfResult.TEMPERROR, domain, "TXT lookup for " + domain + " failed: " + txt.outcome());
      }
      List<DnsRecord.Txt> found = SpfLookups.spfRecords(txt);
      if (found.isEmpty()) {
        return outcome(
            SpfResult.NONE, domain, "no SPF record at " + domain + " (" + txt.outcome() + ")");
      }
      if (found.size() > 1) {
        return outcome(
            SpfResult.PERMERROR,
            domain,
            found.size() + " SPF records at " + domain + " (RFC 7208 §4.5 allows one)");
      }
      SpfRecord record = SpfParser.parse(found.get(0).text());
      steps.add(indent(depth) + domain + ": " + record.text());
      if (!record.valid()) {
        return outcome(
            SpfResult.PERMERROR,
            domain,
            "syntax error in the record of " + domain + " " + record.problems().get(0));
      }
      SpfMacros.Values here = values.withDomain(domain);
      prefetch(record, here);
      for (SpfTerm.Mechanism m : record.mechanisms()) {
        if (matches(m, domain, here, depth)) {
          SpfResult r = m.qualifier().result();
          steps.add(indent(depth + 1) + m.text() + " matched -> " + r.token());
          Optional<String> exp =
              r == SpfResult.FAIL && wantExplanation ? explanation(record, here) : Optional.empty();
          return new Outcome(
              r,
              m.text() + " in the record of " + domain + " matched",
              domain,
              Optional.of(m.text()),
              exp);
        }
        if (m.kind() != SpfTerm.Kind.INCLUDE)
          steps.add(indent(depth + 1) + m.text() + " -> no match");
      }
      if (record.redirect().isPresent() && !record.hasAll()) {
        SpfTerm.Modifier redirect = record.redirect().get();
        charge(redirect.text(), domain);
        String target = expandDomain(redirect.value(), here);
        steps.add(indent(depth + 1) + redirect.text() + " -> " + target);
        Outcome o = checkHost(target, wantExplanation, depth + 1);
        if (o.result == SpfResult.NONE) {
          throw new Abort(
              SpfResult.PERMERROR,
              domain,
              "redirect target " + target + " has no SPF record (RFC 7208 §6.1)");
        }
        return o;
      }
      return new Outcome(
          SpfResult.NEUTRAL,
          "no mechanism of " + domain + " matched (default neutral, RFC 7208 §4.7)",
          domain,
          Optional.empty(),
          Optional.empty());
    }

    private Outcome outcome(SpfResult r, String domain, String reason) {
      return new Outcome(r, reason, domain, Optional.empty(), Optional.empty());
    }

    private boolean matches(SpfTerm.Mechanism m, String domain, SpfMacros.Values here, int depth) {
      return switch (m.kind()) {
        case ALL -> true;
        case IP4 ->
            values.ip() instanceof Inet4Address
                && InetAddresses.inPrefix(values.ip().getAddress(), m.network().get(), m.cidr4());
        case IP6 ->
            !(values.ip() instanceof Inet4Address)
                && InetAddresses.inPrefix(values.ip().getAddress(), m.network().get(), m.cidr6());
        case INCLUDE -> {
          charge(m.text(), domain);
          String target = expandDomain(m.domainSpec().get(), here);
          Outcome o = checkHost(target, false, depth + 1);
          steps.add(
              indent(depth + 1)
                  + m.text()
                  + " -> "
                  + o.result.token()
                  + (o.result == SpfResult.PASS ? " (match)" : ""));
          yield switch (o.result) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case TEMPERROR -> throw new Abort(SpfResult.TEMPERROR, o.domain, o.reason);
            case PERMERROR -> throw new Abort(SpfResult.PERMERROR, o.domain, o.reason);
            case NONE ->
                throw new Abort(
                    SpfResult.PERMERROR,
                    domain,
                    m.text() + ": " + target + " has no SPF record (RFC 7208 §5.2)");
          };
        }
        case A -> {
          charge(m.text(), domain);
          String target = target(m, domain, here);
          yield SpfLookups.queryable(target) && addressMatch(target, m, domain, true);
        }
        case MX -> {
          charge(m.text(), domain);
          String target = target(m, domain, here);
          yield SpfLookups.queryable(target) && mxMatch(target, m, domain);
        }
        case PTR -> {
          charge(m.text(), domain);
          String target = target(m, domain, here).toLowerCase(Locale.ROOT);
          yield validatedNames().stream()
              .anyMatch(n -> n.equals(target) || n.endsWith("." + target));
        }
        case EXISTS -> {
          charge(m.text(), domain);
          String target = expandDomain(m.domainSpec().get(), here);
          if (!SpfLookups.queryable(target)) yield false;
          DnsResult r = lookups.resolve(target, RecordType.A);
          yield !checkVoid(r, m.text(), domain);
        }
      };
    }

    /** True when the answer is void (charged); throws temperror on a DNS failure. */
    private boolean checkVoid(DnsResult r, String term, String domain) {
      if (r.isTemporaryFailure()) {
        throw new Abort(
            SpfResult.TEMPERROR,
            domain,
            term + ": lookup of " + r.question() + " failed: " + r.outcome());
      }
      if (r.isVoid() || r.recordsOrEmpty().isEmpty()) {
        if (!budget.chargeVoid()) {
          throw new Abort(
              SpfResult.PERMERROR,
              domain,
              term + ": more than " + budget.maxVoid() + " void lookups (RFC 7208 §4.6.4)");
        }
        return true;
      }
      return false;
    }

    private boolean addressMatch(
        String target, SpfTerm.Mechanism m, String domain, boolean chargeVoid) {
      DnsResult r = lookups.resolve(target, addressType);
      if (checkVoid(r, m.text(), domain)) return false;
      return matchesAnyCidr(r, m);
    }

    private boolean mxMatch(String target, SpfTerm.Mechanism m, String domain) {
      DnsResult r = lookups.resolve(target, RecordType.MX);
      if (checkVoid(r, m.text(), domain)) return false;
      List<String> hosts =
          r.recordsOrEmpty().stream()
              .filter(DnsRecord.Mx.class::isInstance)
              .map(x -> ((DnsRecord.Mx) x).exchange())
              .filter(x -> !x.isEmpty())
              .toList();
      if (hosts.size() > options.maxNames()) {
        throw new Abort(
            SpfResult.PERMERROR,
            domain,
            m.text()
                + ": "
                + hosts.size()
                + " MX names, more than "
                + options.maxNames()
                + " (RFC 7208 §4.6.4)");
      }
      List<CompletableFuture<DnsResult>> answers =
          hosts.stream().map(h -> lookups.query(h, addressType)).toList();
      DnsResult failed = null;
      for (CompletableFuture<DnsResult> f : answers) {
        DnsResult a = f.join();
        if (a.isTemporaryFailure()) failed = a;
        else if (matchesAnyCidr(a, m)) return true;
      }
      if (failed != null) {
        throw new Abort(
            SpfResult.TEMPERROR,
            domain,
            m.text() + ": lookup of " + failed.question() + " failed: " + failed.outcome());
      }
      return false;
    }

    private boolean matchesAnyCidr(DnsResult r, SpfTerm.Mechanism m) {
      return matchesAny(r, values.ip() instanceof Inet4Address ? m.cidr4() : m.cidr6());
    }

    /** True if the client address is within {@code len} bits of an address in the answer. */
    private boolean matchesAny(DnsResult r, int len) {
      return r.recordsOrEmpty().stream()
          .filter(DnsRecord.Address.class::isInstance)
          .map(a -> ((DnsRecord.Address) a).address())
          .anyMatch(
              a ->
                  sameFamily(a)
                      && InetAddresses.inPrefix(values.ip().getAddress(), a.getAddress(), len));
    }

    private boolean sameFamily(InetAddress a) {
      return (a instanceof Inet4Address) == (values.ip() instanceof Inet4Address);
    }

    private String target(SpfTerm.Mechanism m, String domain, SpfMacros.Values here) {
      return m.domainSpec().map(s -> expandDomain(s, here)).orElse(domain);
    }

    private void charge(String term, String domain) {
      if (!budget.chargeLookup()) {
        throw new Abort(
            SpfResult.PERMERROR,
            domain,
            term
                + " in "
                + domain
                + " is DNS-querying term "
                + budget.lookups()
                + ", more than "
                + budget.maxLookups()
                + " (RFC 7208 §4.6.4)");
      }
    }

    /** Expands a domain-spec; over 253 octets, labels are dropped from the left (RFC 7208 §7.3). */
    String expandDomain(String spec, SpfMacros.Values v) {
      String name = SpfMacros.expand(spec, v, false);
      if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
      while (name.length() > 253) {
        int dot = name.indexOf('.');
        if (dot < 0) break;
        name = name.substring(dot + 1);
      }
      return name.toLowerCase(Locale.ROOT);
    }

    /** The exp= text of a failing record, else the default explanation (RFC 7208 §6.2). */
    private Optional<String> explanation(SpfRecord record, SpfMacros.Values here) {
      if (record.exp().isEmpty()) return options.defaultExplanation();
      String target = expandDomain(record.exp().get().value(), here);
      if (!SpfLookups.queryable(target)) return options.defaultExplanation();
      DnsResult r = lookups.resolve(target, RecordType.TXT);
      List<DnsRecord.Txt> txt =
          r.recordsOrEmpty().stream()
              .filter(DnsRecord.Txt.class::isInstance)
              .map(DnsRecord.Txt.class::cast)
              .toList();
      if (txt.size() != 1) return options.defaultExplanation();
      String text = txt.get(0).text();
      if (SpfMacros.check(text, true).isPresent()) return options.defaultExplanation();
      return Optional.of(SpfMacros.expand(text, here, true));
    }

    /** {@code %{p}} (RFC 7208 §7.3): a validated name, preferably the domain itself or below it. */
    private String validatedName() {
      if (validatedName != null) return validatedName;
      List<String> names = validatedNames();
      String d = values.domain();
      String best =
          names.stream()
              .filter(n -> n.equals(d))
              .findFirst()
              .or(() -> names.stream().filter(n -> n.endsWith("." + d)).findFirst())
              .or(() -> names.stream().findFirst())
              .orElse("unknown");
      validatedName = best;
      return best;
    }

    /** PTR names of the client whose addresses include it (RFC 7208 §5.5), at most 10 looked up. */
    private List<String> validatedNames() {
      DnsResult ptr = lookups.resolve(InetAddresses.reverseName(values.ip()), RecordType.PTR);
      List<String> names =
          ptr.recordsOrEmpty().stream()
              .filter(DnsRecord.Ptr.class::isInstance)
              .map(p -> normalize(((DnsRecord.Ptr) p).target()))
              .filter(SpfLookups::queryable)
              .limit(options.maxNames())
              .toList();
      List<CompletableFuture<DnsResult>> answers =
          names.stream().map(n -> lookups.query(n, addressType)).toList();
      List<String> valid = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (matchesAny(answers.get(i).join(), values.ip().getAddress().length * 8))
          valid.add(names.get(i));
      }
      return valid;
    }

    // ---- prefetch: send what the evaluation will probably ask, never charge, never decide ----

    private void prefetch(SpfRecord record, SpfMacros.Values here) {
      for (SpfTerm.Mechanism m : record.mechanisms()) {
        if (m.kind() == SpfTerm.Kind.ALL) return;
        if (!m.kind().queriesDns() || m.kind() == SpfTerm.Kind.PTR) continue;
        if (prefetched.incrementAndGet() > options.maxLookups()) return;
        Optional<String> target = prefetchTarget(m.domainSpec(), here);
        if (target.isEmpty()) continue;
        String t = target.get();
        switch (m.kind()) {
          case INCLUDE -> prefetchRecord(t);
          case A -> lookups.query(t, addressType);
          case EXISTS -> lookups.query(t, RecordType.A);
          case MX ->
              lookups
                  .query(t, RecordType.MX)
                  .thenAccept(
                      r ->
                          r.recordsOrEmpty().stream()
                              .filter(DnsRecord.Mx.class::isInstance)
                              .map(x -> ((DnsRecord.Mx) x).exchange())
                              .filter(x -> !x.isEmpty())
                              .limit(options.maxNames())
                              .forEach(h -> lookups.query(h, addressType)));
          default -> {}
        }
      }
      if (record.redirect().isPresent() && prefetched.incrementAndGet() <= options.maxLookups()) {
        prefetchTarget(Optional.of(record.redirect().get().value()), here)
            .ifPresent(this::prefetchRecord);
      }
    }

    private void prefetchRecord(String domain) {
      lookups
          .query(domain, RecordType.TXT)
          .thenAccept(
              r -> {
                List<DnsRecord.Txt> found = SpfLookups.spfRecords(r);
                if (found.size() != 1) return;
                SpfRecord rec = SpfParser.parse(found.get(0).text());
                if (rec.valid()) prefetch(rec, values.withDomain(domain));
              });
    }

    private Optional<String> prefetchTarget(Optional<String> spec, SpfMacros.Values here) {
      if (spec.isEmpty()) return Optional.of(here.domain());
      String s = spec.get();
      if (s.contains("%{p") || s.contains("%{P")) return Optional.empty();
      String t = expandDomain(s, here);
      return SpfLookups.queryable(t) ? Optional.of(t) : Optional.empty();
    }
  }

  private static String indent(int depth) {
    return "  ".repeat(depth);
  }
}
