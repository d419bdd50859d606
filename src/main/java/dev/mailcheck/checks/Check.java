package dev.mailcheck.checks;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.View;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one shape of every check: <b>fetch</b> → <b>evaluate</b> → <b>view</b>.
 *
 * <ul>
 *   <li>{@link #fetch} is the only I/O. It asks the shared resolver, the SMTP probe (and later the
 *       HTTPS fetcher) through the {@link CheckContext} and completes with raw facts: plain values
 *       that keep NXDOMAIN, NODATA, SERVFAIL and timeouts apart. It never fails for what it
 *       inspects (a broken record, a silent server): that is a fact. Blocking work runs on the
 *       context's executor, so that every check can be started at once.
 *   <li>{@link #evaluate} is pure: the query and the facts in, findings out; no I/O, no clock but
 *       the one in {@link CheckSettings}. Most tests go here.
 *   <li>{@link #view} is pure: the facts for display, as a {@link View} record owned by the report
 *       layer, which renders it as text and JSON.
 * </ul>
 *
 * A new check is a package with these three parts, registered in {@link Checks}; docs/
 * architecture.md walks through the smallest one. Implementations are stateless: everything a run
 * varies travels in the context and settings, so one instance serves every run and thread.
 *
 * @param <Q> what the check is asked about (a domain, an address, a probe request)
 * @param <F> the facts its fetch returns
 */
public interface Check<Q, F> {
  /** The only I/O of the check. */
  CompletableFuture<F> fetch(Q query, CheckContext ctx);

  /** Pure: the findings the facts support. */
  List<Finding> evaluate(Q query, F facts, CheckSettings settings);

  /** Pure: the facts for display. */
  View view(Q query, F facts);

  /**
   * True when the facts determine nothing (the name did not resolve, no server answered): the
   * command then ends with exit code 3. Most checks always determine something.
   */
  default boolean undetermined(F facts) {
    return false;
  }

  /** Lines of the protocol transcript (already redacted), shown with {@code -v}. */
  default List<String> transcript(F facts) {
    return List.of();
  }

  /** Evaluate and view fetched facts: the pure half of {@link #run}. */
  default CheckResult<F> result(Q query, F facts, CheckSettings settings) {
    return new CheckResult<>(
        facts,
        evaluate(query, facts, settings),
        List.of(view(query, facts)),
        transcript(facts),
        undetermined(facts));
  }

  /** Fetch, then evaluate and view. */
  default CompletableFuture<CheckResult<F>> run(Q query, CheckContext ctx) {
    return fetch(query, ctx).thenApply(f -> result(query, f, ctx.settings()));
  }
}
