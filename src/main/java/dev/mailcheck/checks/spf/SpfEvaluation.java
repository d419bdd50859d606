package dev.mailcheck.checks.spf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code check_host()}.
 *
 * @param result the RFC 7208 result
 * @param reason why, in words: the matching term, the limit exceeded, the DNS failure...
 * @param explanation the {@code exp=} text after macro expansion (only for {@code fail}), or the
 *     configured default explanation
 * @param matchedDomain the domain whose record decided the result
 * @param matchedTerm the mechanism that matched, when one did
 * @param lookups DNS-querying terms charged (RFC 7208 §4.6.4)
 * @param voidLookups lookups that returned NXDOMAIN or no records
 * @param steps the evaluation, one line per record or term that mattered, for the text output
 */
public record SpfEvaluation(
    SpfResult result,
    String reason,
    Optional<String> explanation,
    String matchedDomain,
    Optional<String> matchedTerm,
    int lookups,
    int voidLookups,
    List<String> steps) {
  public SpfEvaluation {
    Objects.requireNonNull(result);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(explanation);
    Objects.requireNonNull(matchedDomain);
    Objects.requireNonNull(matchedTerm);
    steps = List.copyOf(steps);
  }
}
