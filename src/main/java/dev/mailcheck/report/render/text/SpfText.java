package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.SpfView;
import java.util.ArrayList;
import java.util.List;

/** {@link SpfView} for people: record, result, lookup counts, evaluation steps and the tree. */
final class SpfText {
  private SpfText() {}

  static List<String> lines(SpfView v) {
    List<String> out = new ArrayList<>();
    out.add("SPF " + v.domain());
    v.record().ifPresent(r -> out.add("  record       " + r));
    v.result()
        .ifPresent(
            r -> {
              out.add(
                  "  result       "
                      + r
                      + "  (ip "
                      + v.ip().orElse("?")
                      + ", sender "
                      + v.sender().orElse("?")
                      + v.helo().map(h -> ", helo " + h).orElse("")
                      + ")");
              v.reason().ifPresent(x -> out.add("  reason       " + x));
              v.explanation().ifPresent(x -> out.add("  explanation  " + x));
            });
    out.add(
        "  lookups      "
            + v.lookups()
            + " of 10"
            + "   void lookups "
            + v.voidLookups()
            + " of 2"
            + (v.result().isPresent() ? "  (charged by this evaluation)" : "  (whole tree)"));
    if (!v.steps().isEmpty()) {
      out.add("");
      out.add("  evaluation:");
      v.steps().forEach(s -> out.add("    " + s));
    }
    v.tree()
        .ifPresent(
            t -> {
              out.add("");
              out.add("  tree (lookups per node):");
              out.add("    " + t.domain() + "  [" + t.cost() + "]" + suffix(t));
              render(t.children(), "    ", out);
            });
    return out;
  }

  private static void render(List<SpfView.Node> nodes, String prefix, List<String> out) {
    for (int i = 0; i < nodes.size(); i++) {
      SpfView.Node n = nodes.get(i);
      boolean last = i == nodes.size() - 1;
      String term = n.term().orElse(n.domain());
      out.add(prefix + (last ? "└─ " : "├─ ") + term + "  [" + n.cost() + "]" + suffix(n));
      String inner = prefix + (last ? "   " : "│  ");
      n.record().ifPresent(r -> out.add(inner + "  " + r));
      render(n.children(), inner, out);
    }
  }

  private static String suffix(SpfView.Node n) {
    StringBuilder sb = new StringBuilder();
    if (n.voidLookup()) sb.append("  VOID");
    n.error().ifPresent(e -> sb.append("  ERROR: ").append(e));
    n.note().ifPresent(x -> sb.append("  (").append(x).append(')'));
    return sb.toString();
  }
}
