package dev.mailcheck.checks.mx;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.report.Finding;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Fetch, evaluate, section: the whole MX check for {@code mailcheck mx}. */
public final class MxCheck {
  private final MxFetcher fetcher;
  private final MxEvaluator evaluator;

  public MxCheck(DnsClient dns, boolean allowPrivate) {
    this.fetcher = new MxFetcher(dns);
    this.evaluator = new MxEvaluator(allowPrivate);
  }

  public record Result(MxFacts facts, List<Finding> findings, MxSection section) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  public CompletableFuture<Result> run(String domain) {
    return fetcher.fetch(domain).thenApply(this::result);
  }

  public Result result(MxFacts facts) {
    return new Result(facts, evaluator.evaluate(facts), MxSection.of(facts));
  }
}
