package dev.mailcheck.checks.spf;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code spf.lookups} and {@code spf.void-lookups}: the counts of the judged tree (RFC 7208 §4.6.4)
 * and how to shed lookups. A record that cannot be used (syntax error: permerror whatever the
 * counts) gets no passes for them.
 */
final class SpfLookupFindings {
  private SpfLookupFindings() {}

  static void lookups(
      SpfTreeJudge.Judged judged, List<SpfAuditNode> all, SpfOptions options, List<Finding> out) {
    SpfAuditNode tree = judged.root();
    int total = judged.lookups();
    int max = options.maxLookups();
    long macros =
        all.stream()
            .filter(
                n ->
                    n.note().orElse(null) instanceof SpfNodeNote.NotFollowed f
                        && f.reason() == SpfTree.Reason.MACROS)
            .count();
    String bound =
        macros > 0
            ? " (at least: "
                + macros
                + " term"
                + (macros == 1 ? " depends" : "s depend")
                + " on macros and "
                + (macros == 1 ? "was" : "were")
                + " not followed)"
            : "";
    String costliest = costliest(tree);
    if (total > max) {
      Optional<SpfAuditNode> crossing = all.stream().filter(SpfAuditNode::overLimit).findFirst();
      SpfAuditNode top = crossing.map(c -> topLevel(tree, c)).orElse(null);
      String where =
          crossing
              .map(
                  c ->
                      " The lookup that crosses the limit is "
                          + c.term().orElse("?")
                          + (top != null && top != c
                              ? ", reached through " + top.term().orElse("?")
                              : "")
                          + ".")
              .orElse("");
      out.add(
          Finding.of(
                  FindingId.SPF_LOOKUPS,
                  Status.FAIL,
                  total + " DNS lookups, over the limit of " + max)
              .detail(
                  "RFC 7208 §4.6.4: evaluation stops with permerror at the "
                      + (max + 1)
                      + "th DNS-querying term, so mail that needs a later term fails SPF."
                      + where
                      + bound)
              .remedy(
                  "Shed "
                      + (total - max)
                      + " lookup"
                      + (total - max == 1 ? "" : "s")
                      + "."
                      + costliest
                      + flatten(tree, total))
              .subject(tree.domain())
              .build());
    } else if (total > SpfAudit.HEADROOM) {
      out.add(
          Finding.of(
                  FindingId.SPF_LOOKUPS,
                  Status.INFO,
                  total + " of " + max + " DNS lookups: little headroom")
              .detail(
                  "A provider adding one include to its record would push the policy over the limit (permerror)."
                      + bound)
              .remedy("Keep headroom." + costliest + flatten(tree, total))
              .subject(tree.domain())
              .build());
    } else if (usable(tree)) {
      out.add(
          Finding.of(FindingId.SPF_LOOKUPS, Status.PASS, total + " of " + max + " DNS lookups")
              .detail(bound.trim())
              .subject(tree.domain())
              .build());
    }
  }

  static void voids(
      SpfTreeJudge.Judged judged, List<SpfAuditNode> all, SpfOptions options, List<Finding> out) {
    int voids = judged.voidLookups();
    List<String> evidence =
        all.stream()
            .filter(SpfAuditNode::voidLookup)
            .map(n -> n.term().orElse("") + " (" + n.domain() + ")")
            .toList();
    if (voids == 0) {
      if (usable(judged.root()))
        out.add(Finding.of(FindingId.SPF_VOID_LOOKUPS, Status.PASS, "No void lookups").build());
    } else if (voids <= options.maxVoidLookups()) {
      out.add(
          Finding.of(
                  FindingId.SPF_VOID_LOOKUPS,
                  Status.WARN,
                  voids + " void lookup" + (voids == 1 ? "" : "s"))
              .detail(
                  "These terms look up names with no records (NXDOMAIN or no data). They never match and count toward the limit of "
                      + options.maxVoidLookups()
                      + " (RFC 7208 §4.6.4); one more makes the record a permerror.")
              .remedy("Remove the terms, or publish the records they expect.")
              .evidence(evidence)
              .build());
    } else {
      out.add(
          Finding.of(
                  FindingId.SPF_VOID_LOOKUPS,
                  Status.FAIL,
                  voids + " void lookups, over the limit of " + options.maxVoidLookups())
              .detail(
                  "RFC 7208 §4.6.4: more than "
                      + options.maxVoidLookups()
                      + " lookups returning no records is a permerror for mail that reaches them.")
              .remedy("Remove the terms that name hosts without records.")
              .evidence(evidence)
              .build());
    }
  }

  /** False for a record with a syntax error: a permerror, so none of its parts passes. */
  static boolean usable(SpfAuditNode recordNode) {
    return recordNode.record().map(SpfRecord::valid).orElse(false);
  }

  private static String costliest(SpfAuditNode tree) {
    List<SpfAuditNode> top =
        tree.children().stream()
            .filter(c -> c.cost() > 1)
            .sorted(Comparator.comparingInt(SpfAuditNode::cost).reversed())
            .limit(3)
            .toList();
    if (top.isEmpty()) return "";
    return " Costliest: "
        + String.join(
            ", ",
            top.stream().map(c -> c.term().orElse(c.domain()) + " (" + c.cost() + ")").toList())
        + ".";
  }

  /**
   * A record with the root's a/mx terms replaced by their addresses and ptr dropped, if it saves
   * lookups.
   */
  private static String flatten(SpfAuditNode tree, int total) {
    if (tree.record().isEmpty() || !tree.record().get().valid()) return "";
    List<String> terms = new ArrayList<>();
    int saved = 0;
    int child = 0;
    List<SpfAuditNode> kids = tree.children();
    for (SpfTerm t : tree.record().get().terms()) {
      SpfAuditNode node = null;
      if (t instanceof SpfTerm.Mechanism m
          && m.kind().queriesDns()
          && child < kids.size()
          && kids.get(child).term().orElse("").equals(m.text())) {
        node = kids.get(child++);
      }
      if (node != null && t instanceof SpfTerm.Mechanism m) {
        boolean plain =
            m.qualifier() == Qualifier.PASS && node.problem().isEmpty() && node.ownCost() == 1;
        if (plain
            && (m.kind() == SpfTerm.Kind.A || m.kind() == SpfTerm.Kind.MX)
            && !node.addresses().isEmpty()
            && node.addresses().size() <= 10) {
          terms.addAll(node.addresses());
          saved++;
          continue;
        }
        if (m.kind() == SpfTerm.Kind.PTR && node.ownCost() == 1) {
          saved++;
          continue;
        }
      }
      terms.add(t.text());
    }
    if (saved == 0)
      return " Replace includes of services you no longer use, or ask providers for narrower includes.";
    String text = "v=spf1 " + String.join(" ", terms);
    return " Replacing the record's own a/mx terms with the addresses they stand for today (and dropping ptr) saves "
        + saved
        + ": \""
        + text
        + "\" ("
        + (total - saved)
        + " lookups; update it when those hosts change).";
  }

  private static SpfAuditNode topLevel(SpfAuditNode root, SpfAuditNode target) {
    for (SpfAuditNode c : root.children()) {
      if (c.flatten().stream().anyMatch(n -> n == target)) return c;
    }
    return null;
  }
}
