package dev.mailcheck.checks.dmarc;

import dev.mailcheck.dns.DnsResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Policy discovery, twice: RFC 9989 §4.10 (DNS tree walk) and RFC 7489 §6.6.3 (author domain, then
 * the Public Suffix List organizational domain). Pure: works on the answers in {@link DmarcFacts}.
 */
public final class DmarcDiscovery {
  /** RFC 9989 §4.10: names of 8 or more labels are shortened to 7 after the first query. */
  static final int WALK_SHORTEN_AT = 8;

  private DmarcDiscovery() {}

  public enum Method {
    RFC9989,
    RFC7489
  }

  public enum Kind {
    /** A single DMARC record was found. */
    FOUND,
    /** No DMARC record anywhere the method looks. */
    NONE,
    /** RFC 7489: several records at one name end discovery with no policy. */
    MULTIPLE,
    /** A lookup failed temporarily before a record was found: unknown, not absent. */
    ERROR
  }

  /**
   * @param domain where the record was found; {@code text} the record
   */
  public record Found(String domain, String text, DmarcRecord record) {}

  /**
   * @param queried the names this method reads, in order
   * @param multipleAt names where several DMARC records were discarded
   */
  public record Outcome(
      Method method,
      Kind kind,
      Optional<Found> found,
      String orgDomain,
      List<String> queried,
      List<String> multipleAt,
      String detail) {
    public Outcome {
      queried = List.copyOf(queried);
      multipleAt = List.copyOf(multipleAt);
    }
  }

  /** The RFC 9989 tree-walk targets: the domain, then ancestors, at most 8 names. */
  public static List<String> walkTargets(String domain) {
    List<String> labels = Arrays.asList(domain.split("\\."));
    List<String> out = new ArrayList<>();
    out.add(domain);
    int x = labels.size();
    int next = x >= WALK_SHORTEN_AT ? WALK_SHORTEN_AT - 1 : x - 1;
    for (int n = next; n >= 1; n--)
      out.add(String.join(".", labels.subList(labels.size() - n, labels.size())));
    return out;
  }

  public static Outcome rfc9989(DmarcFacts facts) {
    List<String> queried = new ArrayList<>();
    List<String> multiple = new ArrayList<>();
    Optional<Found> policy = Optional.empty();
    String org = null;
    String candidate = null;
    String previous = null;
    String error = null;
    List<String> unknownAbove = new ArrayList<>();
    for (String target : facts.walk()) {
      queried.add(target);
      DnsResult r = facts.answers().get(target);
      if (r == null) break;
      if (r.isTemporaryFailure()) {
        // Above the PSL organizational domain only a public suffix operator's record (psd=y) could
        // exist; a failure there (common: resolvers refuse or fail _dmarc.<tld>) must not hide the
        // answer for the domain itself, so the walk goes on and the detail says what is unknown.
        if (labels(target) < labels(facts.pslOrgDomain())) {
          unknownAbove.add(DmarcFacts.policyName(target) + " " + r.outcome());
          previous = target;
          continue;
        }
        error = DmarcFacts.policyName(target) + " " + r.outcome();
        break;
      }
      List<String> dmarc = DmarcFacts.texts(r).stream().filter(DmarcParser::isDmarc).toList();
      if (dmarc.size() > 1) {
        multiple.add(target);
      } else if (dmarc.size() == 1) {
        DmarcRecord rec = DmarcParser.parse(dmarc.get(0));
        if (policy.isEmpty()) policy = Optional.of(new Found(target, dmarc.get(0), rec));
        if (rec.psd() == 'n') {
          org = target;
          break;
        }
        if (rec.psd() == 'y') {
          org = previous != null ? previous : target;
          break;
        }
        candidate = target;
      }
      previous = target;
    }
    if (org == null) org = candidate != null ? candidate : facts.domain();
    if (policy.isPresent()) {
      return new Outcome(
          Method.RFC9989,
          Kind.FOUND,
          policy,
          org,
          queried,
          multiple,
          "found at " + DmarcFacts.policyName(policy.get().domain()));
    }
    if (error != null)
      return new Outcome(
          Method.RFC9989,
          Kind.ERROR,
          Optional.empty(),
          org,
          queried,
          multiple,
          "lookup failed: " + error);
    String note =
        unknownAbove.isEmpty()
            ? ""
            : " (not answered at the public suffix level: " + String.join(", ", unknownAbove) + ")";
    return new Outcome(
        Method.RFC9989,
        Kind.NONE,
        Optional.empty(),
        org,
        queried,
        multiple,
        "no DMARC record on the tree walk" + note);
  }

  private static int labels(String name) {
    return name.split("\\.").length;
  }

  public static Outcome rfc7489(DmarcFacts facts) {
    List<String> names = new ArrayList<>(List.of(facts.domain()));
    if (!facts.pslOrgDomain().equals(facts.domain())) names.add(facts.pslOrgDomain());
    List<String> queried = new ArrayList<>();
    for (String target : names) {
      queried.add(target);
      DnsResult r = facts.answers().get(target);
      if (r == null || r.isTemporaryFailure()) {
        return new Outcome(
            Method.RFC7489,
            Kind.ERROR,
            Optional.empty(),
            facts.pslOrgDomain(),
            queried,
            List.of(),
            "lookup failed: "
                + DmarcFacts.policyName(target)
                + (r == null ? "" : " " + r.outcome()));
      }
      List<String> dmarc = DmarcFacts.texts(r).stream().filter(DmarcParser::isDmarc).toList();
      if (dmarc.size() > 1) {
        return new Outcome(
            Method.RFC7489,
            Kind.MULTIPLE,
            Optional.empty(),
            facts.pslOrgDomain(),
            queried,
            List.of(target),
            "several records at " + DmarcFacts.policyName(target) + ": no policy applies");
      }
      if (dmarc.size() == 1) {
        return new Outcome(
            Method.RFC7489,
            Kind.FOUND,
            Optional.of(new Found(target, dmarc.get(0), DmarcParser.parse(dmarc.get(0)))),
            facts.pslOrgDomain(),
            queried,
            List.of(),
            "found at " + DmarcFacts.policyName(target));
      }
    }
    return new Outcome(
        Method.RFC7489,
        Kind.NONE,
        Optional.empty(),
        facts.pslOrgDomain(),
        queried,
        List.of(),
        "no DMARC record at the domain or its organizational domain");
  }
}
