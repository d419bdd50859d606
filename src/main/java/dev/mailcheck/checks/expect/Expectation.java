package dev.mailcheck.checks.expect;

import java.util.List;
import java.util.Optional;

/**
 * What one domain must look like ({@code --expect mailcheck.yml}, docs/expect.schema.json). Every
 * part is optional; an absent part is not checked.
 *
 * @param grade the minimum grade (A+ ... F)
 * @param mx exactly these exchanges (any order, lower case, no trailing dot)
 * @param spfIncludes {@code include:} targets that must be in the SPF tree
 * @param spfIps addresses or networks that SPF must authorize ({@code ip4:}/{@code ip6:} terms)
 * @param spfAll the qualifier of the top record's {@code all}: pass, neutral, softfail, fail
 * @param dmarcPolicy the minimum DMARC policy: none &lt; quarantine &lt; reject
 * @param dmarcRua {@code rua=} URIs that must be listed
 * @param dkimSelectors selectors whose key must exist
 * @param dkimMinBits the smallest RSA key length allowed among the found keys
 * @param mtaSts the MTA-STS policy mode: enforce, testing or none
 * @param allowWarn finding ids that may warn without failing the run under {@code --fail-on warn}
 */
public record Expectation(
    String domain,
    Optional<String> grade,
    Optional<List<String>> mx,
    List<String> spfIncludes,
    List<String> spfIps,
    Optional<String> spfAll,
    Optional<String> dmarcPolicy,
    List<String> dmarcRua,
    List<String> dkimSelectors,
    Optional<Integer> dkimMinBits,
    Optional<String> mtaSts,
    List<String> allowWarn) {
  public Expectation {
    mx = mx.map(List::copyOf);
    spfIncludes = List.copyOf(spfIncludes);
    spfIps = List.copyOf(spfIps);
    dmarcRua = List.copyOf(dmarcRua);
    dkimSelectors = List.copyOf(dkimSelectors);
    allowWarn = List.copyOf(allowWarn);
  }

  /** The grades from best to worst, as docs/scoring.md gives them. */
  public static final List<String> GRADES = List.of("A+", "A", "B", "C", "D", "E", "F");

  /** The DMARC policies from weakest to strongest. */
  public static final List<String> POLICIES = List.of("none", "quarantine", "reject");

  /** The SPF {@code all} qualifiers by name. */
  public static final List<String> ALL_QUALIFIERS = List.of("pass", "neutral", "softfail", "fail");

  /** The MTA-STS modes. */
  public static final List<String> MTA_STS_MODES = List.of("enforce", "testing", "none");
}
