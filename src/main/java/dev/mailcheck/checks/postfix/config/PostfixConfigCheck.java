package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.View;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mailcheck postfix config}: fetch reads main.cf/master.cf (or postconf output) and the
 * certificate files they name; evaluate audits the resolved values; view lists every audited value
 * with where it came from.
 */
public final class PostfixConfigCheck
    implements Check<PostfixConfigCheck.Query, PostfixConfigFacts> {
  /**
   * @param directory the configuration directory (main.cf, master.cf)
   * @param postconfOutputs files holding {@code postconf -n} and/or {@code postconf -M} output,
   *     read instead of the directory when given
   * @param dns also look up myhostname and the PTR of its addresses
   */
  public record Query(Path directory, List<Path> postconfOutputs, boolean dns) {
    public Query {
      Objects.requireNonNull(directory);
      postconfOutputs = List.copyOf(postconfOutputs);
    }

    public Query(Path directory, List<Path> postconfOutputs) {
      this(directory, postconfOutputs, false);
    }
  }

  @Override
  public CompletableFuture<PostfixConfigFacts> fetch(Query q, CheckContext ctx) {
    CompletableFuture<PostfixConfigFacts> files = ctx.async(() -> ConfigLoader.load(q));
    if (!q.dns()) return files;
    return files.thenCompose(
        f -> {
          String name = f.config().get("myhostname").value().strip();
          if (name.isEmpty() || name.indexOf('.') < 0) return CompletableFuture.completedFuture(f);
          return HostnameDns.fetch(name, ctx).thenApply(f::withHostnameDns);
        });
  }

  @Override
  public List<Finding> evaluate(Query q, PostfixConfigFacts facts, CheckSettings s) {
    List<Finding> out = new ArrayList<>(ConfigAudit.evaluate(facts, s.clock().instant()));
    facts.hostnameDns().ifPresent(h -> out.add(h.finding()));
    return out;
  }

  @Override
  public View view(Query q, PostfixConfigFacts facts) {
    return ConfigViews.view(facts);
  }
}
