package dev.mailcheck.checks.ptr;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.PtrView;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The reverse DNS of one address: PTR names, forward confirmation, generic names. */
public final class PtrCheck implements Check<PtrCheck.Query, PtrFacts> {
  /**
   * @param host the MX name the address belongs to (domain report), or empty
   */
  public record Query(InetAddress address, Optional<String> host) {}

  @Override
  public CompletableFuture<PtrFacts> fetch(Query q, CheckContext ctx) {
    return new PtrFetcher(ctx.dns()).fetch(q.address());
  }

  @Override
  public List<Finding> evaluate(Query q, PtrFacts facts, CheckSettings settings) {
    return new PtrEvaluator().evaluate(facts, q.host());
  }

  @Override
  public PtrView view(Query q, PtrFacts facts) {
    return new PtrView(List.of(entry(q, facts)));
  }

  /** One address of the view; the domain report puts the entries of every MX address together. */
  public PtrView.Entry entry(Query q, PtrFacts facts) {
    List<PtrView.Name> names = new ArrayList<>();
    for (String n : facts.names()) {
      var fwd = facts.forwards().stream().filter(f -> f.name().equals(n)).findFirst();
      names.add(
          new PtrView.Name(
              n,
              fwd.map(f -> f.confirms(facts.address())).orElse(false),
              fwd.map(f -> f.result().outcome()).orElse("NOT-ASKED"),
              fwd.map(f -> f.addresses().stream().map(InetAddresses::format).toList())
                  .orElse(List.of()),
              GenericNames.reason(n, facts.address()).orElse("")));
    }
    return new PtrView.Entry(
        InetAddresses.format(facts.address()),
        facts.reverseName(),
        facts.ptr().outcome(),
        q.host().orElse(""),
        names);
  }
}
