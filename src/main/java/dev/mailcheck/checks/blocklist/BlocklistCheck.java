package dev.mailcheck.checks.blocklist;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.BlocklistView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Addresses and domains against DNS blocklists: fetch every lookup at once, then classify. */
public final class BlocklistCheck implements Check<BlocklistCheck.Query, BlocklistFacts> {
  /**
   * @param targets what to look up, in the order to show
   * @param lists the lists to ask (each target is asked of the lists of its kind)
   */
  public record Query(List<BlocklistTarget> targets, List<Blocklist> lists) {
    public Query {
      targets = List.copyOf(targets);
      lists = List.copyOf(lists);
    }
  }

  @Override
  public CompletableFuture<BlocklistFacts> fetch(Query q, CheckContext ctx) {
    return new BlocklistFetcher(ctx).fetch(q);
  }

  @Override
  public List<Finding> evaluate(Query q, BlocklistFacts facts, CheckSettings settings) {
    return new BlocklistEvaluator(settings.switches()).evaluate(facts);
  }

  /** Nothing was determined when every lookup failed (and something was asked). */
  @Override
  public boolean undetermined(BlocklistFacts facts) {
    return !facts.lookups().isEmpty()
        && facts.lookups().stream()
            .allMatch(
                l ->
                    l.verdict() instanceof Verdict.Failed f
                        && f.reason() == ReturnCode.ErrorReason.LOOKUP_FAILED);
  }

  @Override
  public BlocklistView view(Query q, BlocklistFacts facts) {
    List<BlocklistView.Target> targets = new ArrayList<>();
    for (BlocklistTarget t : q.targets()) {
      String skipped =
          facts.skipped().stream()
              .filter(s -> s.target().equals(t))
              .map(BlocklistFacts.Skipped::range)
              .findFirst()
              .orElse("");
      List<BlocklistView.Result> results = new ArrayList<>();
      for (BlocklistFacts.Lookup l : facts.lookups()) {
        if (!l.target().equals(t)) continue;
        results.add(result(l));
      }
      for (BlocklistFacts.NotAsked n : facts.notAsked()) {
        if (!n.target().equals(t)) continue;
        results.add(
            new BlocklistView.Result(
                n.list().name(), "", "not-asked", "", List.of(), List.of(), "", "ipv4-only"));
      }
      targets.add(
          new BlocklistView.Target(
              t.display(),
              t.address().isPresent() ? "ip" : "domain",
              t.role().name().toLowerCase(Locale.ROOT),
              t.note(),
              skipped,
              results));
    }
    List<BlocklistView.ListInfo> lists =
        facts.lists().stream()
            .map(
                b ->
                    new BlocklistView.ListInfo(
                        b.name(),
                        b.title(),
                        b.zone(),
                        b.kind().name().toLowerCase(Locale.ROOT),
                        b.delist(),
                        b.terms()))
            .toList();
    return new BlocklistView(targets, lists);
  }

  private static BlocklistView.Result result(BlocklistFacts.Lookup l) {
    Verdict v = l.verdict();
    List<String> answers =
        switch (v) {
          case Verdict.Listed x -> x.answers();
          case Verdict.Policy x -> x.answers();
          case Verdict.Failed x -> x.answers();
          case Verdict.NotListed x -> List.of();
        };
    List<String> meanings =
        switch (v) {
          case Verdict.Listed x -> x.codes().stream().map(ReturnCode::meaning).distinct().toList();
          case Verdict.Policy x -> x.codes().stream().map(ReturnCode::meaning).distinct().toList();
          case Verdict.Failed x -> x.meaning().isEmpty() ? List.of() : List.of(x.meaning());
          case Verdict.NotListed x -> List.of();
        };
    String verdict =
        switch (v) {
          case Verdict.Listed x -> "listed";
          case Verdict.Policy x -> "policy";
          case Verdict.Failed x -> "error";
          case Verdict.NotListed x -> "not-listed";
        };
    String error =
        v instanceof Verdict.Failed f
            ? f.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')
            : "";
    return new BlocklistView.Result(
        l.list().name(),
        l.queryName(),
        verdict,
        l.a().outcome(),
        answers,
        meanings,
        BlocklistEvaluator.reason(l).orElse(""),
        error);
  }
}
