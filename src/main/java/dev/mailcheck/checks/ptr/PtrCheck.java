package dev.mailcheck.checks.ptr;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.report.Finding;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Fetch and evaluate the reverse DNS of one address. */
public final class PtrCheck {
  private final PtrFetcher fetcher;
  private final PtrEvaluator evaluator = new PtrEvaluator();

  public PtrCheck(DnsClient dns) {
    this.fetcher = new PtrFetcher(dns);
  }

  public record Result(PtrFacts facts, List<Finding> findings, PtrSection.Entry entry) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  /**
   * @param host the MX name the address belongs to (domain report), or empty
   */
  public CompletableFuture<Result> run(InetAddress address, Optional<String> host) {
    return fetcher
        .fetch(address)
        .thenApply(
            f -> new Result(f, evaluator.evaluate(f, host), PtrSection.entry(f, host.orElse(""))));
  }
}
