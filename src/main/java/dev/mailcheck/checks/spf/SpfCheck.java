package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.SpfView;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SPF check: the audit of a domain's published policy ({@code mailcheck spf DOMAIN} and the
 * domain report) and, with a client address, RFC 7208 {@code check_host()} beside it.
 *
 * <p>Fetch: the policy tree ({@link SpfTreeFetcher}, every lookup started as soon as its name is
 * known) and, with an address, the evaluation, whose DNS queries RFC 7208 orders and counts itself;
 * both ask the shared resolver, which coalesces their common questions. Evaluate: the pure {@link
 * SpfAudit} of the tree, plus the {@code spf.result} of the evaluation. View: {@link
 * SpfViewBuilder}.
 */
public final class SpfCheck implements Check<SpfCheck.Query, SpfCheck.Facts> {
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

    /** The MAIL FROM address evaluated: postmaster@domain when none is given (RFC 7208 §2.4). */
    String from() {
      String from = sender.filter(s -> !s.isBlank()).orElse("postmaster@" + domain);
      return from.startsWith("@") ? "postmaster" + from : from;
    }

    String heloName() {
      return helo.orElse(domain);
    }
  }

  /**
   * @param tree the fetched policy tree
   * @param evaluation the result of check_host() for the query's address, if one was given
   */
  public record Facts(SpfTree tree, Optional<SpfEvaluation> evaluation) {}

  @Override
  public CompletableFuture<Facts> fetch(Query q, CheckContext ctx) {
    SpfOptions options = options(ctx.settings());
    CompletableFuture<SpfTree> tree = SpfTreeFetcher.fetch(ctx.dns(), q.domain(), options);
    if (q.ip().isEmpty()) return tree.thenApply(t -> new Facts(t, Optional.empty()));
    CompletableFuture<SpfEvaluation> evaluation =
        ctx.async(
            () ->
                new SpfEvaluator(ctx.dns(), options)
                    .checkHost(q.ip().get(), q.domain(), q.from(), q.heloName()));
    return tree.thenCombine(evaluation, (t, e) -> new Facts(t, Optional.of(e)));
  }

  @Override
  public List<Finding> evaluate(Query q, Facts facts, CheckSettings settings) {
    if (facts.evaluation().isEmpty())
      return SpfAudit.audit(facts.tree(), options(settings)).findings();
    SpfEvaluation e = facts.evaluation().get();
    return List.of(
        Finding.of(
                FindingId.SPF_RESULT,
                status(e.result()),
                "SPF " + e.result().token() + " for " + InetAddresses.format(q.ip().orElseThrow()))
            .detail(e.reason() + ".")
            .evidence(e.explanation().map(x -> List.of("explanation: " + x)).orElse(List.of()))
            .subject(q.from())
            .build());
  }

  @Override
  public SpfView view(Query q, Facts facts) {
    SpfAudit.Result audit = SpfAudit.audit(facts.tree(), SpfOptions.defaults());
    return facts.evaluation().isEmpty()
        ? SpfViewBuilder.audit(audit)
        : SpfViewBuilder.evaluation(
            facts.evaluation().get(), q.ip().orElseThrow(), q.from(), q.heloName(), audit);
  }

  private static SpfOptions options(CheckSettings settings) {
    return SpfOptions.defaults().withClock(settings.clock());
  }

  /** How a result reads as a finding for the sender's domain. */
  static Status status(SpfResult r) {
    return switch (r) {
      case PASS -> Status.PASS;
      case FAIL, PERMERROR -> Status.FAIL;
      case SOFTFAIL, NEUTRAL, NONE -> Status.WARN;
      case TEMPERROR -> Status.ERROR;
    };
  }
}
