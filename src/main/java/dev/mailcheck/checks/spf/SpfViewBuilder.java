package dev.mailcheck.checks.spf;

import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.view.SpfView;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The one place that builds the report's view of SPF ({@link SpfView}, {@link SpfView.Node}) from
 * the audit's judged tree and an evaluation, so that moving the view out of {@code checks/} is a
 * change to this file alone.
 */
final class SpfViewBuilder {
  private SpfViewBuilder() {}

  /** The {@code spf} section of an audit. */
  static SpfView audit(SpfAudit.Result r) {
    return new SpfView(
        r.domain(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        r.record(),
        r.lookups(),
        r.voidLookups(),
        r.tree().map(t -> node(t, r.maxLookups())),
        List.of());
  }

  /**
   * The {@code spf} section of an evaluation: its result and what it charged, with the audit's
   * record and tree for context.
   */
  static SpfView evaluation(
      SpfEvaluation e, InetAddress ip, String sender, String helo, SpfAudit.Result audit) {
    return new SpfView(
        audit.domain(),
        Optional.of(InetAddresses.format(ip)),
        Optional.of(sender),
        Optional.of(helo),
        Optional.of(e.result().token()),
        Optional.of(e.reason()),
        e.explanation(),
        audit.record(),
        e.lookups(),
        e.voidLookups(),
        audit.tree().map(t -> node(t, audit.maxLookups())),
        e.steps());
  }

  private static SpfView.Node node(SpfAuditNode n, int maxLookups) {
    Optional<String> note = n.note().map(SpfNodeNote::text);
    if (n.overLimit()) {
      String marker = "lookup " + (maxLookups + 1) + ": over the limit from here on (permerror)";
      note = Optional.of(note.map(x -> x + "; " + marker).orElse(marker));
    }
    return new SpfView.Node(
        n.term(),
        n.domain(),
        n.record().map(SpfRecord::text),
        n.cost(),
        n.voidLookup(),
        n.addresses(),
        n.children().stream().map(c -> node(c, maxLookups)).toList(),
        n.problem().map(SpfNodeProblem::text),
        note);
  }
}
