package dev.mailcheck.report.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code spf} view (docs/report.schema.json {@code spfSection}). Empty optionals and an empty
 * {@code steps} list are left out of the JSON.
 *
 * @param result for an evaluation: the RFC 7208 result in lower case
 * @param reason for an evaluation: why that result
 * @param explanation for a {@code fail}: the {@code exp=} text
 * @param record the domain's SPF record text (the first, if there are several)
 * @param lookups DNS-querying terms: charged by the evaluation, or counted over the whole tree by
 *     an audit
 * @param voidLookups void lookups: met by the evaluation, or found in the tree by an audit
 * @param tree the include/redirect tree with each node's lookup cost
 * @param steps for an evaluation: the records and terms it went through
 */
public record SpfView(
    String domain,
    Optional<String> ip,
    Optional<String> sender,
    Optional<String> helo,
    Optional<String> result,
    Optional<String> reason,
    Optional<String> explanation,
    Optional<String> record,
    int lookups,
    int voidLookups,
    Optional<Node> tree,
    List<String> steps)
    implements View {
  public SpfView {
    Objects.requireNonNull(domain);
    steps = List.copyOf(steps);
  }

  /**
   * One node of the policy tree an audit shows: the root record, or one term of a record. Only the
   * terms that matter for lookups are nodes ({@code include}, {@code a}, {@code mx}, {@code ptr},
   * {@code exists}, {@code redirect}); {@code ip4}, {@code ip6} and {@code all} are in the record
   * text. In JSON {@code voidLookup} is the key {@code void}, and empty values are left out.
   *
   * @param term the term as written ({@code include:_spf.example.net}); absent for the root
   * @param domain the domain the term looks up (for the root: the domain audited)
   * @param record the SPF record found at {@code domain} for the root, include and redirect
   * @param cost DNS-querying terms of this node and everything below it (RFC 7208 §4.6.4)
   * @param voidLookup the term's lookup returned NXDOMAIN or no records (§4.6.4 void lookup)
   * @param addresses the addresses an {@code a} or {@code mx} term stands for
   * @param error what makes this node a permerror or temperror when evaluated
   * @param note other facts: never evaluated, ignored, depends on macros
   */
  public record Node(
      Optional<String> term,
      String domain,
      Optional<String> record,
      int cost,
      boolean voidLookup,
      List<String> addresses,
      List<Node> children,
      Optional<String> error,
      Optional<String> note) {
    public Node {
      Objects.requireNonNull(term);
      Objects.requireNonNull(domain);
      Objects.requireNonNull(record);
      Objects.requireNonNull(error);
      Objects.requireNonNull(note);
      addresses = List.copyOf(addresses);
      children = List.copyOf(children);
    }

    /** This node and every node below it, in evaluation order (pre-order). */
    public List<Node> flatten() {
      List<Node> out = new ArrayList<>();
      flattenInto(out);
      return out;
    }

    private void flattenInto(List<Node> out) {
      out.add(this);
      children.forEach(c -> c.flattenInto(out));
    }

    /** The cost of this term alone: 1 for a DNS-querying term that is evaluated, else 0. */
    public int ownCost() {
      return cost - children.stream().mapToInt(Node::cost).sum();
    }
  }
}
