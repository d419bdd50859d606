package dev.mailcheck.report.view;

import java.util.List;
import java.util.Optional;

/**
 * The {@code bimi} view: the BIMI assertion record, the logo and the evidence document.
 *
 * @param recordAt the name whose record applies (the domain's, or the organizational domain's), ""
 *     when none
 * @param outcome found, none, multiple or error
 * @param record the record text, "" when none
 * @param logoUrl the l= URL ("" when empty: a declination to publish)
 * @param evidenceUrl the a= URL ("" when absent)
 */
public record BimiView(
    String domain,
    String selector,
    String recordAt,
    String outcome,
    String record,
    String logoUrl,
    String evidenceUrl,
    Optional<FetchView> logoFetch,
    Optional<Logo> logo,
    Optional<FetchView> evidenceFetch,
    Optional<Evidence> evidence)
    implements View {

  /**
   * @param sha256 of the logo as fetched
   * @param problems what breaks SVG Tiny Portable/Secure
   */
  public record Logo(
      int bytes,
      String sha256,
      String baseProfile,
      String title,
      String viewBox,
      List<String> problems) {
    public Logo {
      problems = List.copyOf(problems);
    }
  }

  /**
   * @param markType VMC or CMC (from the certificate policy), or "" when unknown
   * @param names the subjectAltName DNS names
   * @param logotypeHash the logotype extension's hash of its embedded logo (hex), "" when none
   * @param matchesLogo the embedded logo equals the logo at l=
   */
  public record Evidence(
      String subject,
      String issuer,
      String notBefore,
      String notAfter,
      List<String> names,
      String markType,
      String logotypeHashAlgorithm,
      String logotypeHash,
      boolean matchesLogo,
      int chainLength) {
    public Evidence {
      names = List.copyOf(names);
    }
  }
}
