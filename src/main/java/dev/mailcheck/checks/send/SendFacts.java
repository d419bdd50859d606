package dev.mailcheck.checks.send;

import dev.mailcheck.smtp.ProbeResult;
import java.util.List;
import java.util.Optional;

/**
 * What a delivery saw: the MX lookup (when there was one) and each attempt in order.
 *
 * @param mxProblem why the MX list could not be used (a null MX, a failed lookup), when so
 */
public record SendFacts(Optional<String> mxProblem, List<Attempt> attempts) {
  public SendFacts {
    attempts = List.copyOf(attempts);
  }

  /**
   * One server tried.
   *
   * @param preference the MX preference, empty for {@code --server}
   */
  public record Attempt(String host, Optional<Integer> preference, ProbeResult result) {}

  /** The last attempt: the one that decided the outcome. */
  public Optional<Attempt> last() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }
}
