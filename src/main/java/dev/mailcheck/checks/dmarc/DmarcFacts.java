package dev.mailcheck.checks.dmarc;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the DMARC lookups of one domain returned.
 *
 * @param answers TXT lookup of {@code _dmarc.<name>} keyed by {@code <name>}: every target of the
 *     RFC 9989 tree walk and the RFC 7489 organizational domain
 * @param walk the RFC 9989 §4.10 tree-walk targets in order (at most 8)
 * @param pslOrgDomain the RFC 7489 organizational domain (Public Suffix List)
 * @param authorizations TXT lookups of {@code <domain>._report._dmarc.<destination>} keyed by the
 *     queried name (RFC 7489 §7.1, RFC 9990 §3)
 * @param existence A, AAAA and MX lookups of the domain itself, made only when its policy is
 *     inherited from a parent: whether sp= or np= applies (RFC 9989 np=, non-existent domains)
 */
public record DmarcFacts(
    String domain,
    Map<String, DnsResult> answers,
    List<String> walk,
    String pslOrgDomain,
    Map<String, DnsResult> authorizations,
    List<DnsResult> existence) {
  public DmarcFacts {
    Objects.requireNonNull(domain);
    answers = Map.copyOf(answers);
    walk = List.copyOf(walk);
    authorizations = Map.copyOf(authorizations);
    existence = List.copyOf(existence);
  }

  public DmarcFacts(
      String domain,
      Map<String, DnsResult> answers,
      List<String> walk,
      String pslOrgDomain,
      Map<String, DnsResult> authorizations) {
    this(domain, answers, walk, pslOrgDomain, authorizations, List.of());
  }

  public DmarcFacts withAuthorizations(Map<String, DnsResult> auth) {
    return new DmarcFacts(domain, answers, walk, pslOrgDomain, auth, existence);
  }

  public DmarcFacts withExistence(List<DnsResult> lookups) {
    return new DmarcFacts(domain, answers, walk, pslOrgDomain, authorizations, lookups);
  }

  /**
   * RFC 9989 (np= tag): a domain is non-existent when A, AAAA and MX all answer NXDOMAIN; then np=
   * applies instead of sp=. False when the lookups were not made or any of them failed.
   */
  public boolean nonExistent() {
    return existence.size() == 3
        && existence.stream().allMatch(r -> r instanceof DnsResult.NxDomain);
  }

  /** The TXT strings at {@code _dmarc.<name>}, each record's strings joined (RFC 7489 §6.6.3). */
  public static List<String> texts(DnsResult r) {
    return r instanceof DnsResult.Records rs
        ? rs.of(DnsRecord.Txt.class).stream().map(DnsRecord.Txt::text).toList()
        : List.of();
  }

  public static String policyName(String domain) {
    return "_dmarc." + domain;
  }

  public static String authorizationName(String policyDomain, String destination) {
    return policyDomain + "._report._dmarc." + destination;
  }
}
