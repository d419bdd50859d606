package dev.mailcheck.checks.blocklist;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.SpecialAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Every (target, list) lookup at once through the run's resolver: one A query per list per target
 * (no retries beyond the resolver's own), and a TXT query for the list's reason only where the A
 * answer is a listing. At most {@link Limits#BLOCKLIST_QUERIES_IN_FLIGHT} queries are outstanding,
 * so a /24 against every list does not flood the resolver.
 */
final class BlocklistFetcher {
  private final CheckContext ctx;
  private final Semaphore inFlight = new Semaphore(Limits.BLOCKLIST_QUERIES_IN_FLIGHT);

  BlocklistFetcher(CheckContext ctx) {
    this.ctx = ctx;
  }

  CompletableFuture<BlocklistFacts> fetch(BlocklistCheck.Query q) {
    List<BlocklistFacts.Skipped> skipped = new ArrayList<>();
    List<BlocklistFacts.NotAsked> notAsked = new ArrayList<>();
    List<CompletableFuture<BlocklistFacts.Lookup>> lookups = new ArrayList<>();
    for (BlocklistTarget t : q.targets()) {
      Optional<String> special = t.address().flatMap(SpecialAddresses::classify);
      if (special.isPresent() && !ctx.settings().allowPrivate()) {
        skipped.add(new BlocklistFacts.Skipped(t, special.get()));
        continue;
      }
      for (Blocklist list : q.lists()) {
        if (t.asks(list)) lookups.add(lookup(t, list));
        else if (t.address().isPresent() && list.kind().takesAddresses())
          notAsked.add(new BlocklistFacts.NotAsked(t, list));
      }
    }
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
        .thenApply(
            v ->
                new BlocklistFacts(
                    q.lists(),
                    lookups.stream().map(CompletableFuture::join).toList(),
                    skipped,
                    notAsked));
  }

  private CompletableFuture<BlocklistFacts.Lookup> lookup(BlocklistTarget t, Blocklist list) {
    String name = t.queryName(list);
    return ask(name, RecordType.A)
        .thenCompose(
            a -> {
              Verdict v = Verdict.of(list, a);
              boolean listed = v instanceof Verdict.Listed || v instanceof Verdict.Policy;
              if (!listed || !list.txt())
                return CompletableFuture.completedFuture(
                    new BlocklistFacts.Lookup(t, list, name, a, Optional.empty()));
              return ask(name, RecordType.TXT)
                  .thenApply(txt -> new BlocklistFacts.Lookup(t, list, name, a, Optional.of(txt)));
            });
  }

  private CompletableFuture<DnsResult> ask(String name, RecordType type) {
    return ctx.async(
        () -> {
          inFlight.acquireUninterruptibly();
          try {
            return ctx.dns().query(DnsQuestion.of(name, type)).join();
          } finally {
            inFlight.release();
          }
        });
  }
}
