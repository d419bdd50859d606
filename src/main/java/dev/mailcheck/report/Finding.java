package dev.mailcheck.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One observation about the target. {@code id} is a stable dotted id listed in docs/checks.md (e.g.
 * {@code dmarc.policy}); several findings may share an id when a check runs on several subjects
 * (every MX address, every DKIM signature), then {@code subject} tells them apart.
 *
 * @param category the report group, e.g. {@code spf}, {@code smtp}
 * @param remedy what to change, with the exact record text where possible
 * @param evidence the raw facts behind the finding (records, reply lines), shown verbatim
 */
public record Finding(
    String id,
    String category,
    Status status,
    String title,
    String detail,
    Optional<String> remedy,
    Optional<String> subject,
    List<String> evidence) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

  public Finding {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) throw new IllegalArgumentException("bad finding id: " + id);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(title, "title");
    detail = detail == null ? "" : detail;
    remedy = remedy == null ? Optional.empty() : remedy.filter(r -> !r.isBlank());
    subject = subject == null ? Optional.empty() : subject.filter(s -> !s.isBlank());
    evidence = List.copyOf(evidence);
  }

  /** Starts a finding; the category defaults to the part of the id before the first dot. */
  public static Builder of(String id, Status status, String title) {
    return new Builder(id, status, title);
  }

  public static final class Builder {
    private final String id;
    private final Status status;
    private final String title;
    private String category;
    private String detail = "";
    private String remedy;
    private String subject;
    private List<String> evidence = List.of();

    private Builder(String id, Status status, String title) {
      this.id = id;
      this.status = status;
      this.title = title;
      int dot = id.indexOf('.');
      this.category = dot > 0 ? id.substring(0, dot) : id;
    }

    public Builder category(String category) {
      this.category = category;
      return this;
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
          category,
          status,
          title,
          detail,
          Optional.ofNullable(remedy),
          Optional.ofNullable(subject),
          evidence);
    }
  }
}
