package dev.mailcheck.checks.spf;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of an evaluation. {@link #defaults()} are RFC 7208's.
 *
 * @param maxLookups DNS-querying terms allowed (§4.6.4: 10)
 * @param maxVoidLookups void lookups allowed (§4.6.4: 2)
 * @param maxNames MX names looked up per {@code mx}, PTR names per {@code ptr} (§4.6.4: 10)
 * @param defaultExplanation the explanation of a {@code fail} when the record gives none
 * @param receiver the {@code %{r}} macro: the checking host's name
 * @param clock the {@code %{t}} macro
 */
public record SpfOptions(
    int maxLookups,
    int maxVoidLookups,
    int maxNames,
    Optional<String> defaultExplanation,
    String receiver,
    Clock clock) {
  public SpfOptions {
    if (maxLookups < 0 || maxVoidLookups < 0 || maxNames < 0)
      throw new IllegalArgumentException("negative limit");
    Objects.requireNonNull(defaultExplanation);
    Objects.requireNonNull(receiver);
    Objects.requireNonNull(clock);
  }

  public static SpfOptions defaults() {
    return new SpfOptions(10, 2, 10, Optional.empty(), "unknown", Clock.systemUTC());
  }

  public SpfOptions withDefaultExplanation(String text) {
    return new SpfOptions(maxLookups, maxVoidLookups, maxNames, Optional.of(text), receiver, clock);
  }

  public SpfOptions withClock(Clock c) {
    return new SpfOptions(maxLookups, maxVoidLookups, maxNames, defaultExplanation, receiver, c);
  }
}
