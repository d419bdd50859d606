package dev.mailcheck.checks.postfix.log;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.View;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mailcheck postfix log}: fetch streams the log files into counters and tables (bounded
 * memory), evaluate turns the tables into findings, view shows the first {@code top} rows of each.
 */
public final class PostfixLogCheck implements Check<PostfixLogCheck.Query, PostfixLogFacts> {
  /**
   * @param zone the zone of timestamps without an offset (RFC 3164 lines) and of --since/--until
   * @param top rows per table in the view
   * @param domain only mail to or from this domain (and its subdomains)
   */
  public record Query(
      List<LogSource> sources,
      Optional<Instant> since,
      Optional<Instant> until,
      int top,
      Optional<String> domain,
      ZoneId zone) {
    public Query {
      sources = List.copyOf(sources);
      Objects.requireNonNull(since);
      Objects.requireNonNull(until);
      Objects.requireNonNull(domain);
      Objects.requireNonNull(zone);
      if (sources.isEmpty()) throw new IllegalArgumentException("no log source");
      if (top < 1) throw new IllegalArgumentException("top < 1");
    }
  }

  private final LogAggregator.Limits limits;

  public PostfixLogCheck() {
    this(LogAggregator.Limits.DEFAULT);
  }

  PostfixLogCheck(LogAggregator.Limits limits) {
    this.limits = limits;
  }

  @Override
  public CompletableFuture<PostfixLogFacts> fetch(Query q, CheckContext ctx) {
    return ctx.async(() -> read(q, ctx.settings()));
  }

  /** The blocking read, for callers without a check context (benchmarks). */
  public PostfixLogFacts read(Query q, CheckSettings settings) {
    return new PostfixLogFacts(LogReader.read(q, limits, settings.clock()));
  }

  @Override
  public List<Finding> evaluate(Query q, PostfixLogFacts facts, CheckSettings s) {
    return LogFindings.evaluate(facts.all(), q.domain());
  }

  @Override
  public View view(Query q, PostfixLogFacts facts) {
    return facts.all().limit(q.top());
  }
}
