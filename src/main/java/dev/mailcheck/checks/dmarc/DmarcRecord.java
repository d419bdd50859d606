package dev.mailcheck.checks.dmarc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A parsed DMARC record (RFC 9989 §4.7). Built by {@link DmarcParser}. Two verdicts, kept apart:
 * {@link #valid()} is the linter's (the record has no error at all) and {@link #usability()} is the
 * receiver's (what RFC 9989 §4.8 and §4.10.1 make of the record, errors included). An invalid
 * {@code adkim=} makes a record invalid but leaves it usable: receivers use the default for that
 * tag and apply {@code p=}.
 *
 * @param text the record as published (strings joined)
 * @param p {@code p=}; {@link Policy#NONE} when the record is {@link Usability#READ_AS_NONE}; empty
 *     when it is {@link Usability#UNUSABLE}
 * @param pExplicit whether {@code p=} was written
 * @param sp {@code sp=}: policy for subdomains
 * @param np {@code np=}: policy for non-existent subdomains (RFC 9989)
 * @param adkim {@code adkim=}, default relaxed
 * @param aspf {@code aspf=}, default relaxed
 * @param rua {@code rua=}: aggregate report destinations that parsed
 * @param ruf {@code ruf=}: failure report destinations that parsed
 * @param fo {@code fo=}: failure reporting options, default ["0"]
 * @param psd {@code psd=}: y, n or u (default)
 * @param testing {@code t=y} (RFC 9989 §4.7)
 * @param pct {@code pct=} (RFC 7489 only, removed by RFC 9989), when an integer
 * @param rf {@code rf=} (RFC 7489 only)
 * @param ri {@code ri=} (RFC 7489 only), when an integer
 * @param unknownTags tags neither RFC defines (ignored, RFC 9989 §4.7)
 * @param removedTags pct, rf, ri as written
 * @param problems errors (the record is invalid) and warnings, with their positions
 * @param usability what receivers do with the record
 */
public record DmarcRecord(
    String text,
    Optional<Policy> p,
    boolean pExplicit,
    Optional<Policy> sp,
    Optional<Policy> np,
    Alignment adkim,
    Alignment aspf,
    List<ReportUri> rua,
    List<ReportUri> ruf,
    List<String> fo,
    char psd,
    boolean testing,
    OptionalInt pct,
    Optional<String> rf,
    OptionalLong ri,
    List<String> unknownTags,
    List<String> removedTags,
    List<Problem> problems,
    Usability usability) {

  public DmarcRecord {
    rua = List.copyOf(rua);
    ruf = List.copyOf(ruf);
    fo = List.copyOf(fo);
    unknownTags = List.copyOf(unknownTags);
    removedTags = List.copyOf(removedTags);
    problems = List.copyOf(problems);
  }

  /**
   * A problem in the record.
   *
   * @param position 0-based character offset
   * @param term 1-based index of the tag-spec as published (terms separated by ";", empty ones
   *     counted), 0 for the record as a whole
   * @param tag the tag name as written, "" when the problem is not about one tag
   */
  public record Problem(
      int position, int term, Severity severity, String kind, String tag, String message) {
    /** Record text quoted in a message keeps its control characters out of reports (U+XXXX). */
    public Problem {
      message = dev.mailcheck.internal.DomainNames.printable(message);
      tag = dev.mailcheck.internal.DomainNames.printable(tag);
    }

    @Override
    public String toString() {
      return message
          + (term > 0
              ? " (tag " + term + ", at character " + (position + 1) + ")"
              : " (at character " + (position + 1) + ")");
    }
  }

  /** What receivers do with a record (RFC 9989 §4.8 and §4.10.1, RFC 7489 §6.3 and §6.6.3). */
  public enum Usability {
    /**
     * The policy applies as published; an error in another tag only falls back to that tag's
     * default (RFC 9989 §4.8: "Syntax errors in the remainder of the record MUST be discarded in
     * favor of default values (if any) or ignored outright").
     */
    USABLE,
    /**
     * p= is missing or invalid, or sp=/np= is invalid, and rua= holds a valid URI: receivers act as
     * if the record said p=none (RFC 9989 §4.10.1, RFC 7489 §6.6.3).
     */
    READ_AS_NONE,
    /**
     * Receivers apply no DMARC policy from it: not a DMARC record (v=DMARC1 not first or not
     * exact), or p=/sp=/np= missing or invalid without a valid rua=.
     */
    UNUSABLE
  }

  public enum Severity {
    ERROR,
    WARNING
  }

  /** The linter's verdict: usable and without any error. */
  public boolean valid() {
    return usability != Usability.UNUSABLE
        && problems.stream().noneMatch(x -> x.severity() == Severity.ERROR);
  }

  /** Whether receivers apply a policy from this record (possibly as p=none). */
  public boolean usable() {
    return usability != Usability.UNUSABLE;
  }

  public List<Problem> errors() {
    return problems.stream().filter(x -> x.severity() == Severity.ERROR).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(x -> x.severity() == Severity.WARNING).toList();
  }

  /** The policy for subdomains: sp, else p. */
  public Optional<Policy> effectiveSp() {
    return sp.isPresent() ? sp : p;
  }

  /** The policy for non-existent subdomains: np, else sp, else p (RFC 9989 §4.7). */
  public Optional<Policy> effectiveNp() {
    return np.isPresent() ? np : effectiveSp();
  }
}
