package dev.mailcheck.checks.mx;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.MxView;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The MX check of a domain: its exchanges, their addresses, and what is wrong with them. */
public final class MxCheck implements Check<String, MxFacts> {
  @Override
  public CompletableFuture<MxFacts> fetch(String domain, CheckContext ctx) {
    return new MxFetcher(ctx.dns()).fetch(domain);
  }

  /**
   * Like {@link #fetch}, but also hands out each exchange's address lookup as it completes, so a
   * caller (the domain report) can start work per exchange before the slowest one is done.
   */
  public CompletableFuture<MxFetcher.Started> start(String domain, CheckContext ctx) {
    return new MxFetcher(ctx.dns()).start(domain);
  }

  @Override
  public List<Finding> evaluate(String domain, MxFacts facts, CheckSettings settings) {
    return new MxEvaluator(settings.allowPrivate(), settings.switches()).evaluate(facts);
  }

  @Override
  public MxView view(String domain, MxFacts facts) {
    List<MxView.Host> hosts = new ArrayList<>();
    for (MxHost h : facts.hosts()) {
      List<String> special = new ArrayList<>();
      for (InetAddress a : h.addresses()) {
        SpecialAddresses.classify(a)
            .ifPresent(r -> special.add(InetAddresses.format(a) + ": " + r));
      }
      hosts.add(
          new MxView.Host(
              h.preference(),
              h.exchange(),
              h.addresses().stream().map(InetAddresses::format).toList(),
              h.resolution().token(),
              h.cnameChain(),
              special));
    }
    return new MxView(
        facts.domain(), facts.mx().outcome(), facts.nullMx(), facts.implicit(), hosts);
  }
}
