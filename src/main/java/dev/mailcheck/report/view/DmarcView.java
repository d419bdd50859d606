package dev.mailcheck.report.view;

import java.util.List;
import java.util.Optional;

/**
 * The {@code dmarc} view: both discovery results, the record that applies with its effective tags
 * and positioned problems, and the external report authorizations.
 *
 * @param orgDomain the RFC 9989 organizational domain (tree walk)
 * @param pslOrgDomain the RFC 7489 organizational domain (Public Suffix List)
 * @param pslVersion the bundled list's VERSION line
 * @param record the record that applies (RFC 9989 discovery), if any
 */
public record DmarcView(
    String domain,
    String orgDomain,
    String pslOrgDomain,
    String pslVersion,
    Optional<RecordView> record,
    DiscoveryView rfc9989,
    DiscoveryView rfc7489,
    List<Authorization> reportAuthorization)
    implements View {
  public DmarcView {
    reportAuthorization = List.copyOf(reportAuthorization);
  }

  /**
   * @param outcome found, none, multiple or error; {@code recordAt} the domain whose _dmarc held it
   * @param failure for outcome error, the lookup that failed ("_dmarc.example.com SERVFAIL"), else
   *     ""
   */
  public record DiscoveryView(
      String outcome, String recordAt, String orgDomain, List<String> queried, String failure) {
    public DiscoveryView {
      queried = List.copyOf(queried);
    }
  }

  /**
   * Tags with their effective values; absent optional tags are "". {@code usability}: usable,
   * read-as-none or unusable; {@code valid} is the linter's verdict (no error at all).
   */
  public record RecordView(
      String location,
      String text,
      boolean valid,
      String p,
      String sp,
      String np,
      String effectiveSp,
      String effectiveNp,
      String adkim,
      String aspf,
      List<String> rua,
      List<String> ruf,
      List<String> fo,
      String psd,
      String t,
      List<String> removedTags,
      List<String> unknownTags,
      List<ProblemView> problems,
      String usability) {}

  /**
   * @param position 1-based character position in the record
   * @param term 1-based tag-spec number in the record as published, 0 for the whole record
   */
  public record ProblemView(int position, String severity, String kind, String message, int term) {}

  /**
   * @param outcome authorized, not-authorized, error, not-checked
   */
  public record Authorization(String destination, String query, String outcome) {}
}
