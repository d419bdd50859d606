package dev.mailcheck.checks.spf;

import java.util.ArrayList;
import java.util.Collections;
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
    List<SpfTerm.Mechanism> out = new ArrayList<>(terms.size());
    for (SpfTerm t : terms) if (t instanceof SpfTerm.Mechanism m) out.add(m);
    return Collections.unmodifiableList(out);
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
    for (SpfTerm t : terms) {
      if (t instanceof SpfTerm.Mechanism m && m.kind() == SpfTerm.Kind.ALL) return true;
    }
    return false;
  }

  private Optional<SpfTerm.Modifier> modifier(String name) {
    for (SpfTerm t : terms)
      if (t instanceof SpfTerm.Modifier m && m.is(name)) return Optional.of(m);
    return Optional.empty();
  }
}
