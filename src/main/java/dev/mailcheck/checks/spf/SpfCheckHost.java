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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One run of {@code check_host()} (RFC 7208 §4): the recursion over records and terms in the RFC's
 * order, charging the {@link LookupBudget} term by term. Not thread-safe; one per evaluation.
 *
 * <p>Over 300 lines on purpose: {@code check_host()} is one recursive procedure whose term cases
 * (§5) share the run's state (budget, steps, macro values) and its early ends (permerror,
 * temperror); split apart, that state would have to travel between classes.
 */
final class SpfCheckHost {
  /** How one evaluation (or one include inside it) ended. */
  record Outcome(
      SpfResult result,
      String reason,
      String domain,
      Optional<String> term,
      Optional<String> explanation) {}

  /** Ends the evaluation with a permerror or temperror from deep inside it. */
  static final class Abort extends RuntimeException {
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

  private final DnsClient dns;
  private final SpfOptions options;
  final LookupBudget budget;
  final List<String> steps = new ArrayList<>();
  private final SpfMacros.Values values;
  private final RecordType addressType;
  private final SpfValidatedNames validated;
  private String validatedName;

  SpfCheckHost(DnsClient dns, SpfOptions options, InetAddress ip, String sender, String helo) {
    this.dns = dns;
    this.options = options;
    this.budget = new LookupBudget(options.maxLookups(), options.maxVoidLookups());
    this.addressType = ip instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
    this.values =
        new SpfMacros.Values(
            ip,
            sender,
            "",
            helo,
            options.receiver(),
            options.clock().instant().getEpochSecond(),
            () -> validatedName());
    this.validated = new SpfValidatedNames(dns, ip, options.maxNames());
  }

  /** {@code %{p}} (RFC 7208 §7.3): a validated name, preferably the domain itself or below it. */
  private String validatedName() {
    // Chosen once per evaluation, for the domain of the first term that asks for it.
    if (validatedName == null) validatedName = validated.best(values.domain());
    return validatedName;
  }

  Outcome checkHost(String domain, boolean wantExplanation, int depth) {
    if (!SpfLookups.queryable(domain) || domain.indexOf('.') < 0 || domain.contains("[")) {
      return outcome(
          SpfResult.NONE, domain, "'" + domain + "' is not a domain name that can be looked up");
    }
    // The prefetch saves round trips; answers already in memory have none to save.
    if (depth == 0 && !dns.answersAtOnce()) {
      SpfTreeFetcher.prefetch(dns, domain, options, values, addressType);
    }
    DnsResult txt = resolve(domain, RecordType.TXT);
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
      if (o.result() == SpfResult.NONE) {
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
                + o.result().token()
                + (o.result() == SpfResult.PASS ? " (match)" : ""));
        yield switch (o.result()) {
          case PASS -> true;
          case FAIL, SOFTFAIL, NEUTRAL -> false;
          case TEMPERROR -> throw new Abort(SpfResult.TEMPERROR, o.domain(), o.reason());
          case PERMERROR -> throw new Abort(SpfResult.PERMERROR, o.domain(), o.reason());
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
        yield validated.names().stream()
            .anyMatch(n -> n.equals(target) || n.endsWith("." + target));
      }
      case EXISTS -> {
        charge(m.text(), domain);
        String target = expandDomain(m.domainSpec().get(), here);
        if (!SpfLookups.queryable(target)) yield false;
        DnsResult r = resolve(target, RecordType.A);
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

  private DnsResult resolve(String name, RecordType type) {
    return query(name, type).join();
  }

  private CompletableFuture<DnsResult> query(String name, RecordType type) {
    return SpfLookups.ask(dns, name, type);
  }

  private boolean addressMatch(
      String target, SpfTerm.Mechanism m, String domain, boolean chargeVoid) {
    DnsResult r = resolve(target, addressType);
    if (checkVoid(r, m.text(), domain)) return false;
    return matchesAnyCidr(r, m);
  }

  private boolean mxMatch(String target, SpfTerm.Mechanism m, String domain) {
    DnsResult r = resolve(target, RecordType.MX);
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
        hosts.stream().map(h -> query(h, addressType)).toList();
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

  String expandDomain(String spec, SpfMacros.Values v) {
    return SpfMacros.expandDomain(spec, v);
  }

  /** The exp= text of a failing record, else the default explanation (RFC 7208 §6.2). */
  private Optional<String> explanation(SpfRecord record, SpfMacros.Values here) {
    if (record.exp().isEmpty()) return options.defaultExplanation();
    String target = expandDomain(record.exp().get().value(), here);
    if (!SpfLookups.queryable(target)) return options.defaultExplanation();
    DnsResult r = resolve(target, RecordType.TXT);
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

  private static String indent(int depth) {
    return "  ".repeat(depth);
  }
}
