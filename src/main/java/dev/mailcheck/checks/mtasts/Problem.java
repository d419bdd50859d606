package dev.mailcheck.checks.mtasts;

/**
 * A syntax problem in a record or policy.
 *
 * @param position 1-based character position in the record, or 1-based line number in a policy
 * @param fatal senders discard the record or policy because of it (else a warning: ignored field)
 */
public record Problem(int position, boolean fatal, String message) {
  /** Record or policy text quoted in a message keeps its control characters out (U+XXXX). */
  public Problem {
    message = dev.mailcheck.internal.DomainNames.printable(message);
  }

  @Override
  public String toString() {
    return message + " (at " + position + ")";
  }
}
