package dev.mailcheck.checks.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the policy tree as the audit judged it: the fetched facts turned into cost, void
 * lookup, problem and note. The findings are chosen from these; {@link SpfViewBuilder} shows them.
 *
 * @param term the term as written; empty for the root
 * @param domain the domain the term looks up (for the root: the domain audited)
 * @param record the record at {@code domain} (root, include, redirect), parsed
 * @param kind the mechanism kind of the term; empty for the root and {@code redirect=}
 * @param ownCost the lookups the term itself costs (RFC 7208 §4.6.4): 0 or 1
 * @param cost {@code ownCost} plus the cost of everything below
 * @param addresses the addresses an {@code a} or {@code mx} term stands for, as ip4:/ip6: terms
 * @param overLimit this is the first lookup over the limit, in evaluation order
 */
record SpfAuditNode(
    Optional<String> term,
    String domain,
    Optional<SpfRecord> record,
    Optional<SpfTerm.Kind> kind,
    boolean redirect,
    int ownCost,
    int cost,
    boolean voidLookup,
    List<String> addresses,
    List<SpfAuditNode> children,
    Optional<SpfNodeProblem> problem,
    Optional<SpfNodeNote> note,
    boolean overLimit) {
  SpfAuditNode {
    Objects.requireNonNull(term);
    Objects.requireNonNull(domain);
    Objects.requireNonNull(record);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(problem);
    Objects.requireNonNull(note);
    addresses = List.copyOf(addresses);
    children = List.copyOf(children);
  }

  /** This node and every node below it, in evaluation order (pre-order). */
  List<SpfAuditNode> flatten() {
    List<SpfAuditNode> out = new ArrayList<>();
    flattenInto(out);
    return out;
  }

  private void flattenInto(List<SpfAuditNode> out) {
    out.add(this);
    children.forEach(c -> c.flattenInto(out));
  }

  boolean isInclude() {
    return kind.orElse(null) == SpfTerm.Kind.INCLUDE;
  }
}
