package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.DmarcView;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The DMARC policy of a domain: discovery, the record, its tags and report destinations. */
public final class DmarcCheck implements Check<String, DmarcFacts> {
  @Override
  public CompletableFuture<DmarcFacts> fetch(String domain, CheckContext ctx) {
    return new DmarcFetcher(ctx.dns()).fetch(domain);
  }

  @Override
  public List<Finding> evaluate(String domain, DmarcFacts facts, CheckSettings settings) {
    return new DmarcEvaluator().evaluate(facts);
  }

  @Override
  public DmarcView view(String domain, DmarcFacts facts) {
    return DmarcViews.of(facts);
  }
}
