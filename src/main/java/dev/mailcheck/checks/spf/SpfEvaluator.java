package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.LookupBudget;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code check_host()} of RFC 7208 §4 against a {@link DnsClient}.
 *
 * <p>Order and limits are the RFC's: terms are evaluated left to right, the first match decides,
 * {@code redirect=} only after every mechanism missed, each DNS-querying term charges the {@link
 * LookupBudget} when it is evaluated (§4.6.4), and a temporary DNS failure is a {@code temperror},
 * never {@code none}.
 *
 * <p>Speed comes from prefetching: when the evaluation starts, {@link SpfTreeFetcher} (the walker
 * the audit uses) starts asking for the include/redirect tree, each question as soon as its name is
 * known, bounded by the lookup limit and for the client's address family only. The evaluation then
 * finds most answers waiting in the run's DNS cache, so its wall time follows the depth of the
 * include tree, not the number of lookups. Prefetching never charges the budget and never changes a
 * result. A client whose answers are already in memory ({@link DnsClient#answersAtOnce()}: a replay
 * file, a test zone) has no round trips to save, so there is no prefetch.
 */
public final class SpfEvaluator {
  private final DnsClient dns;
  private final SpfOptions options;

  public SpfEvaluator(DnsClient dns, SpfOptions options) {
    this.dns = Objects.requireNonNull(dns);
    this.options = Objects.requireNonNull(options);
  }

  /**
   * Evaluates {@code check_host(ip, domain, sender)}. {@code sender} is the full MAIL FROM address
   * ({@code postmaster@helo} for a null reverse-path, RFC 7208 §2.4); {@code helo} feeds {@code
   * %{h}}.
   */
  public SpfEvaluation checkHost(InetAddress ip, String domain, String sender, String helo) {
    SpfCheckHost run = new SpfCheckHost(dns, options, ip, sender, helo);
    SpfCheckHost.Outcome o;
    try {
      o = run.checkHost(normalize(domain), true, 0);
    } catch (SpfCheckHost.Abort a) {
      o =
          new SpfCheckHost.Outcome(
              a.result, a.reason, a.domain, Optional.empty(), Optional.empty());
    }
    Optional<String> explanation =
        o.result() == SpfResult.FAIL ? o.explanation() : Optional.empty();
    return new SpfEvaluation(
        o.result(),
        o.reason(),
        explanation,
        o.domain(),
        o.term(),
        run.budget.lookups(),
        run.budget.voidLookups(),
        run.steps);
  }

  private static String normalize(String name) {
    String n =
        name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }
}
