package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The only I/O of the DMARC check, in two waves. Every name either discovery method may read is
 * known in advance (the tree-walk targets and the PSL organizational domain), so all of them are
 * asked at once: the walk's answers arrive in one round trip instead of up to eight. The
 * authorization lookups of external report destinations and the existence lookups of an inherited
 * policy follow together as soon as the record is known: two round trips in all.
 */
public final class DmarcFetcher {
  private final DnsClient dns;

  public DmarcFetcher(DnsClient dns) {
    this.dns = dns;
  }

  public CompletableFuture<DmarcFacts> fetch(String domain) {
    List<String> walk = DmarcDiscovery.walkTargets(domain);
    // Loading the Public Suffix List costs hundreds of milliseconds on a cold JVM; it runs while
    // the tree-walk queries are on the wire. The PSL organizational domain is an ancestor of the
    // domain, so it is almost always one of the walk's names already.
    CompletableFuture<String> org =
        CompletableFuture.supplyAsync(() -> PublicSuffixes.organizationalDomain(domain));
    Map<String, CompletableFuture<DnsResult>> futures = new LinkedHashMap<>();
    for (String n : walk) futures.put(n, ask(n));
    CompletableFuture<DnsResult> orgAnswer =
        org.thenCompose(o -> futures.containsKey(o) ? futures.get(o) : ask(o));
    return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
        .thenCombine(orgAnswer, (v, orgResult) -> orgResult)
        .thenCompose(
            orgResult -> {
              Map<String, DnsResult> answers = new LinkedHashMap<>();
              futures.forEach((k, f) -> answers.put(k, f.join()));
              answers.putIfAbsent(org.join(), orgResult);
              DmarcFacts facts = new DmarcFacts(domain, answers, walk, org.join(), Map.of());
              // Both follow from the policy answers alone: asked at once, one round trip.
              return authorizations(facts)
                  .thenCombine(existence(facts), (a, e) -> a.withExistence(e.existence()));
            });
  }

  /** When the policy is inherited, whether the domain exists decides between sp= and np=. */
  private CompletableFuture<DmarcFacts> existence(DmarcFacts facts) {
    var found = DmarcDiscovery.rfc9989(facts).found();
    if (found.isEmpty() || found.get().domain().equals(facts.domain()))
      return CompletableFuture.completedFuture(facts);
    List<CompletableFuture<DnsResult>> lookups =
        List.of(RecordType.A, RecordType.AAAA, RecordType.MX).stream()
            .map(t -> dns.query(DnsQuestion.of(facts.domain(), t)))
            .toList();
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> facts.withExistence(lookups.stream().map(CompletableFuture::join).toList()));
  }

  private CompletableFuture<DnsResult> ask(String name) {
    return dns.query(DnsQuestion.of(DmarcFacts.policyName(name), RecordType.TXT));
  }

  private CompletableFuture<DmarcFacts> authorizations(DmarcFacts facts) {
    // A record receivers cannot use sends no reports: nothing to authorize.
    var found = DmarcDiscovery.rfc9989(facts).found().filter(f -> f.record().usable());
    if (found.isEmpty()) return CompletableFuture.completedFuture(facts);
    List<String> queries =
        authorizationQueries(found.get()).stream().limit(Limits.DMARC_REPORT_DESTINATIONS).toList();
    Map<String, CompletableFuture<DnsResult>> futures = new LinkedHashMap<>();
    for (String q : queries) futures.put(q, dns.query(DnsQuestion.of(q, RecordType.TXT)));
    return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              Map<String, DnsResult> auth = new LinkedHashMap<>();
              futures.forEach((k, f) -> auth.put(k, f.join()));
              return facts.withAuthorizations(auth);
            });
  }

  /**
   * The {@code <domain>._report._dmarc.<destination>} names for destinations in other
   * organizations.
   */
  public static List<String> authorizationQueries(DmarcDiscovery.Found found) {
    Set<String> out = new LinkedHashSet<>();
    for (ReportUri u : concat(found.record().rua(), found.record().ruf())) {
      if (!u.scheme().equals("mailto") || u.domain().isEmpty()) continue;
      if (PublicSuffixes.sameOrganization(u.domain(), found.domain())) continue;
      out.add(DmarcFacts.authorizationName(found.domain(), u.domain()));
    }
    return List.copyOf(out);
  }

  static List<ReportUri> concat(List<ReportUri> a, List<ReportUri> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
