package dev.mailcheck.checks.dmarc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A parsed DMARC record (RFC 9989 §4.7). Built by {@link DmarcParser}; usable as a policy only when
 * {@link #valid()}.
 *
 * @param text the record as published (strings joined)
 * @param p {@code p=}; when absent but a valid {@code rua=} is present, {@link Policy#NONE} (RFC
 *     9989 §4.7, RFC 7489 §6.6.3); empty when the record has no usable policy
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
    List<Problem> problems) {

  public DmarcRecord {
    rua = List.copyOf(rua);
    ruf = List.copyOf(ruf);
    fo = List.copyOf(fo);
    unknownTags = List.copyOf(unknownTags);
    removedTags = List.copyOf(removedTags);
    problems = List.copyOf(problems);
  }

  /** A problem in the record at a position (0-based offset). */
  public record Problem(int position, Severity severity, String kind, String message) {
    @Override
    public String toString() {
      return message + " (at character " + (position + 1) + ")";
    }
  }

  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean valid() {
    return p.isPresent() && problems.stream().noneMatch(x -> x.severity() == Severity.ERROR);
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
