package dev.mailcheck.checks.dmarc;

import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code dmarc} section: both discovery results, the record that applies with its effective
 * tags and positioned problems, and the external report authorizations.
 *
 * @param orgDomain the RFC 9989 organizational domain (tree walk)
 * @param pslOrgDomain the RFC 7489 organizational domain (Public Suffix List)
 * @param pslVersion the bundled list's VERSION line
 * @param record the record that applies (RFC 9989 discovery), if any
 */
public record DmarcSection(
    String domain,
    String orgDomain,
    String pslOrgDomain,
    String pslVersion,
    Optional<RecordView> record,
    DiscoveryView rfc9989,
    DiscoveryView rfc7489,
    List<Authorization> reportAuthorization)
    implements Section {
  public DmarcSection {
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

    static DiscoveryView of(DmarcDiscovery.Outcome o) {
      return new DiscoveryView(
          o.kind().name().toLowerCase(Locale.ROOT),
          o.found().map(DmarcDiscovery.Found::domain).orElse(""),
          o.orgDomain(),
          o.queried().stream().map(DmarcFacts::policyName).toList(),
          o.kind() == DmarcDiscovery.Kind.ERROR
              ? o.detail().replaceFirst("^lookup failed: ", "")
              : "");
    }
  }

  /**
   * Tags with their effective values; absent optional tags are "". {@code usability}: usable,
   * read-as-none or unusable ({@link DmarcRecord.Usability}); {@code valid} is the linter's verdict
   * (no error at all).
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

  /** The JSON outcome in words for the text report. */
  static String outcomeWords(Authorization a) {
    return switch (a.outcome()) {
      case "authorized" -> "authorized";
      case "not-authorized" -> "NOT authorized (no TXT \"v=DMARC1\" at " + a.query() + ")";
      case "error" -> "could not check (" + a.query() + " did not answer)";
      default -> "not checked";
    };
  }

  public static DmarcSection of(DmarcFacts facts) {
    DmarcDiscovery.Outcome bis = DmarcDiscovery.rfc9989(facts);
    DmarcDiscovery.Outcome old = DmarcDiscovery.rfc7489(facts);
    Optional<RecordView> view = bis.found().map(DmarcSection::view);
    List<Authorization> auth = new ArrayList<>();
    // A record receivers cannot use sends no reports: nothing to authorize.
    bis.found()
        .filter(f -> f.record().usable())
        .ifPresent(
            f -> {
              for (String q : DmarcFetcher.authorizationQueries(f)) {
                String dest =
                    q.substring(q.indexOf("._report._dmarc.") + "._report._dmarc.".length());
                DnsResult r = facts.authorizations().get(q);
                String outcome =
                    r == null
                        ? "not-checked"
                        : DmarcFacts.texts(r).stream().anyMatch(t -> t.startsWith("v=DMARC1"))
                            ? "authorized"
                            : r.isTemporaryFailure() ? "error" : "not-authorized";
                auth.add(new Authorization(dest, q, outcome));
              }
            });
    return new DmarcSection(
        facts.domain(),
        bis.orgDomain(),
        old.orgDomain(),
        PublicSuffixes.listVersion(),
        view,
        DiscoveryView.of(bis),
        DiscoveryView.of(old),
        auth);
  }

  private static RecordView view(DmarcDiscovery.Found f) {
    DmarcRecord r = f.record();
    return new RecordView(
        DmarcFacts.policyName(f.domain()),
        f.text(),
        r.valid(),
        r.p().map(Policy::token).orElse(""),
        r.sp().map(Policy::token).orElse(""),
        r.np().map(Policy::token).orElse(""),
        r.effectiveSp().map(Policy::token).orElse(""),
        r.effectiveNp().map(Policy::token).orElse(""),
        r.adkim().token(),
        r.aspf().token(),
        r.rua().stream().map(ReportUri::uri).toList(),
        r.ruf().stream().map(ReportUri::uri).toList(),
        r.fo(),
        String.valueOf(r.psd()),
        r.testing() ? "y" : "n",
        r.removedTags(),
        r.unknownTags(),
        r.problems().stream()
            .map(
                p ->
                    new ProblemView(
                        p.position() + 1,
                        p.severity().name().toLowerCase(Locale.ROOT),
                        p.kind(),
                        p.message(),
                        p.term()))
            .toList(),
        r.usability().name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  @Override
  public String key() {
    return "dmarc";
  }

  @Override
  public List<String> textLines() {
    List<String> lines = new ArrayList<>();
    lines.add("DMARC " + domain);
    if (record.isPresent()) {
      RecordView r = record.get();
      lines.add("  " + r.location() + "  \"" + r.text() + "\"");
      if (r.usability().equals("unusable")) {
        lines.add("  not usable: receivers apply no DMARC policy from it (see dmarc.syntax)");
      } else {
        if (r.usability().equals("read-as-none"))
          lines.add("  read as p=none: its policy is not valid (see dmarc.syntax)");
        lines.add(
            "  policy p="
                + r.p()
                + "  subdomains "
                + r.effectiveSp()
                + "  non-existent "
                + r.effectiveNp()
                + "  adkim="
                + r.adkim()
                + " aspf="
                + r.aspf()
                + (r.t().equals("y") ? "  testing" : ""));
        if (!r.rua().isEmpty()) lines.add("  rua " + String.join(", ", r.rua()));
        if (!r.ruf().isEmpty()) lines.add("  ruf " + String.join(", ", r.ruf()));
      }
    } else if (rfc9989.outcome().equals("error")) {
      lines.add(
          "  lookup failed: "
              + rfc9989.failure()
              + " (temporary); a record may exist, this result is incomplete");
    } else {
      lines.add("  no record (" + rfc9989.outcome() + ")");
    }
    lines.add(
        "  organizational domain "
            + orgDomain
            + " (RFC 9989 walk)"
            + (pslOrgDomain.equals(orgDomain)
                ? ""
                : ", " + pslOrgDomain + " (RFC 7489, PSL " + pslVersion + ")"));
    for (Authorization a : reportAuthorization)
      lines.add("  report destination " + a.destination() + ": " + outcomeWords(a));
    return lines;
  }
}
