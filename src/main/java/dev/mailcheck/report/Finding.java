package dev.mailcheck.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation about the target. {@code kind} is its entry in the {@link FindingId} catalog
 * (docs/checks.md); several findings may share an id when a check runs on several subjects (every
 * MX address, every DKIM signature), then {@code subject} tells them apart.
 *
 * @param remedy what to change, with the exact record text where possible
 * @param evidence the raw facts behind the finding (records, reply lines), shown verbatim
 */
public record Finding(
    FindingId kind,
    Status status,
    String title,
    String detail,
    Optional<String> remedy,
    Optional<String> subject,
    List<String> evidence) {

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(title, "title");
    detail = detail == null ? "" : detail;
    remedy = remedy == null ? Optional.empty() : remedy.filter(r -> !r.isBlank());
    subject = subject == null ? Optional.empty() : subject.filter(s -> !s.isBlank());
    evidence = List.copyOf(evidence);
  }

  /** The stable dotted id, e.g. {@code dmarc.policy}. */
  public String id() {
    return kind.id();
  }

  /** The report group, e.g. {@code spf}: the catalog's category for the id. */
  public String category() {
    return kind.category().token();
  }

  /** The same finding about another subject (e.g. an SMTP finding tagged with its MX address). */
  public Finding withSubject(String s) {
    return new Finding(kind, status, title, detail, remedy, Optional.of(s), evidence);
  }

  /** Starts a finding. */
  public static Builder of(FindingId id, Status status, String title) {
    return new Builder(id, status, title);
  }

  public static final class Builder {
    private final FindingId id;
    private final Status status;
    private final String title;
    private String detail = "";
    private String remedy;
    private String subject;
    private List<String> evidence = List.of();

    private Builder(FindingId id, Status status, String title) {
      this.id = id;
      this.status = status;
      this.title = title;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder remedy(String remedy) {
      this.remedy = remedy;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder evidence(List<String> evidence) {
      this.evidence = evidence;
      return this;
    }

    public Builder evidence(String... evidence) {
      this.evidence = List.of(evidence);
      return this;
    }

    public Finding build() {
      return new Finding(
          id,
          status,
          title,
          detail,
          Optional.ofNullable(remedy),
          Optional.ofNullable(subject),
          evidence);
    }
  }
}
