package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.BlocklistView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BlocklistView} for people: one line per target that is clean, one line per list that
 * listed it or could not answer.
 */
final class BlocklistText {
  /** Targets shown one by one; the rest (a large CIDR) are summed up. */
  static final int MAX_TARGETS = 64;

  private BlocklistText() {}

  static List<String> lines(BlocklistView v) {
    if (v.targets().isEmpty()) return List.of();
    List<String> lines = new ArrayList<>();
    long ipLists = v.lists().stream().filter(l -> !l.kind().equals("domain")).count();
    long domainLists = v.lists().stream().filter(l -> !l.kind().equals("ip")).count();
    lines.add("BLOCKLISTS (" + ipLists + " for addresses, " + domainLists + " for domains)");
    int shown = 0;
    for (BlocklistView.Target t : v.targets()) {
      String head = "  " + t.target() + (t.note().isEmpty() ? "" : " (" + t.note() + ")");
      boolean dirty =
          t.results().stream().anyMatch(r -> !r.verdict().matches("not-listed|not-asked"));
      if (shown >= MAX_TARGETS && !dirty) continue;
      shown++;
      if (!t.skipped().isEmpty()) {
        lines.add(head + "  not looked up (" + t.skipped() + ")");
        continue;
      }
      long asked = t.results().stream().filter(r -> !r.verdict().equals("not-asked")).count();
      if (!dirty) {
        lines.add(head + "  not listed (" + asked + (asked == 1 ? " list)" : " lists)"));
        continue;
      }
      lines.add(head);
      for (BlocklistView.Result r : t.results()) {
        switch (r.verdict()) {
          case "listed", "policy" ->
              lines.add(
                  "    "
                      + r.verdict().toUpperCase(java.util.Locale.ROOT)
                      + "  "
                      + r.list()
                      + "  "
                      + String.join(", ", r.answers())
                      + "  "
                      + String.join("; ", r.meanings()));
          case "error" ->
              lines.add(
                  "    ERROR   "
                      + r.list()
                      + "  "
                      + (r.answers().isEmpty() ? r.outcome() : String.join(", ", r.answers()))
                      + "  ("
                      + r.error()
                      + ")");
          default -> {}
        }
      }
      long notListed = t.results().stream().filter(r -> r.verdict().equals("not-listed")).count();
      if (notListed > 0)
        lines.add(
            "    not listed on " + notListed + (notListed == 1 ? " other list" : " other lists"));
    }
    if (shown < v.targets().size())
      lines.add(
          "  ... "
              + (v.targets().size() - shown)
              + " more targets, not listed (all of them in --json / --format csv)");
    return lines;
  }
}
