package dev.mailcheck.checks.spf;

import java.util.Objects;

/**
 * A syntax problem in a record: what kind, where it is, and in which term. Any problem makes the
 * record a permerror (RFC 7208 §4.6: the whole record is checked before any mechanism is
 * evaluated). Code decides by {@link #kind()}; {@link #message()} is the words shown to people.
 *
 * @param position 1-based character position in the record text
 * @param term the term the problem is in, as written (may be empty)
 */
public record SpfProblem(Kind kind, int position, String term, String message) {
  /** What is wrong, by the RFC 7208 ABNF rule it breaks. */
  public enum Kind {
    /** The text does not start with {@code v=spf1} and a space (§4.5). */
    NOT_SPF,
    /** A byte outside printable ASCII: non-ASCII or a control character (§3.1, §12). */
    BAD_CHARACTER,
    /** {@code redirect=} or {@code exp=} more than once (§6). */
    REPEATED_MODIFIER,
    /** A macro-string that breaks §7.1: unknown letter, bad transformer or delimiter... */
    BAD_MACRO,
    /** A name that is not a mechanism of §5. */
    UNKNOWN_MECHANISM,
    /** An argument where the mechanism takes none, or a missing required one. */
    BAD_ARGUMENT,
    /** A CIDR length with leading zeros or out of range (§5.6). */
    BAD_PREFIX_LENGTH,
    /** An {@code ip4:}/{@code ip6:} value that is not an address (§5.6). */
    BAD_ADDRESS,
    /** A domain-spec that is empty or does not end in a valid top label (§7.1). */
    BAD_DOMAIN
  }

  public SpfProblem {
    Objects.requireNonNull(kind);
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
