package dev.mailcheck.checks.dmarc;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.report.Finding;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Fetch, evaluate, section: the whole DMARC check. */
public final class DmarcCheck {
  private final DmarcFetcher fetcher;
  private final DmarcEvaluator evaluator = new DmarcEvaluator();

  public DmarcCheck(DnsClient dns) {
    this.fetcher = new DmarcFetcher(dns);
  }

  public record Result(DmarcFacts facts, List<Finding> findings, DmarcSection section) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  public CompletableFuture<Result> run(String domain) {
    return fetcher
        .fetch(domain)
        .thenApply(f -> new Result(f, evaluator.evaluate(f), DmarcSection.of(f)));
  }
}
