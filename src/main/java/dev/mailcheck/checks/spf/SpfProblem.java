package dev.mailcheck.checks.spf;

import java.util.Objects;

/**
 * A syntax problem in a record: where it is and what is wrong. Any problem makes the record a
 * permerror (RFC 7208 §4.6: the whole record is checked before any mechanism is evaluated).
 *
 * @param position 1-based character position in the record text
 * @param term the term the problem is in, as written (may be empty)
 */
public record SpfProblem(int position, String term, String message) {
  public SpfProblem {
    Objects.requireNonNull(term);
    Objects.requireNonNull(message);
  }

  @Override
  public String toString() {
    return "at character "
        + position
        + (term.isEmpty() ? "" : " ('" + term + "')")
        + ": "
        + message;
  }
}
