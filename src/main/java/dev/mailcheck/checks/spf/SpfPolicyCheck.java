package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.SpfView;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SPF check: the audit of a domain's published policy ({@code mailcheck spf DOMAIN} and the
 * domain report) and, with a client address, RFC 7208 {@code check_host()} beside it.
 *
 * <p>Its facts are for now the {@link SpfReport} the audit and evaluation produce (they still walk
 * the tree and judge it in one pass); the typed policy tree that splits them into a fetch and a
 * pure evaluator replaces this.
 */
public final class SpfPolicyCheck implements Check<SpfPolicyCheck.Query, SpfReport> {
  /**
   * @param ip the client address to evaluate for; empty for an audit only
   * @param sender the MAIL FROM address (default postmaster@domain)
   * @param helo the HELO name (default the domain)
   */
  public record Query(
      String domain, Optional<InetAddress> ip, Optional<String> sender, Optional<String> helo) {
    public static Query audit(String domain) {
      return new Query(domain, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  @Override
  public CompletableFuture<SpfReport> fetch(Query q, CheckContext ctx) {
    SpfOptions options = SpfOptions.defaults().withClock(ctx.settings().clock());
    return ctx.async(
        () ->
            q.ip().isPresent()
                ? SpfCheck.evaluate(
                    q.domain(), q.ip().get(), q.sender(), q.helo(), ctx.dns(), options)
                : SpfCheck.audit(q.domain(), ctx.dns(), options));
  }

  @Override
  public List<Finding> evaluate(Query q, SpfReport facts, CheckSettings settings) {
    return facts.findings();
  }

  @Override
  public SpfView view(Query q, SpfReport facts) {
    return facts.section();
  }
}
