package dev.mailcheck.checks.spf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed SPF record. A record with problems is still returned with every term that could be read,
 * so that an audit can show the whole of it; evaluating it gives permerror.
 */
public record SpfRecord(String text, List<SpfTerm> terms, List<SpfProblem> problems) {
  public SpfRecord {
    Objects.requireNonNull(text);
    terms = List.copyOf(terms);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public List<SpfTerm.Mechanism> mechanisms() {
    return terms.stream()
        .filter(SpfTerm.Mechanism.class::isInstance)
        .map(SpfTerm.Mechanism.class::cast)
        .toList();
  }

  /** {@code redirect=} (RFC 7208 §6.1). */
  public Optional<SpfTerm.Modifier> redirect() {
    return modifier("redirect");
  }

  /** {@code exp=} (RFC 7208 §6.2). */
  public Optional<SpfTerm.Modifier> exp() {
    return modifier("exp");
  }

  /** True when an {@code all} mechanism is anywhere in the record, which voids redirect (§6.1). */
  public boolean hasAll() {
    return mechanisms().stream().anyMatch(m -> m.kind() == SpfTerm.Kind.ALL);
  }

  private Optional<SpfTerm.Modifier> modifier(String name) {
    return terms.stream()
        .filter(SpfTerm.Modifier.class::isInstance)
        .map(SpfTerm.Modifier.class::cast)
        .filter(m -> m.is(name))
        .findFirst();
  }
}
