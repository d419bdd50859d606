package dev.mailcheck.checks.spf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the policy tree an audit shows: the root record, or one term of a record. Only the
 * terms that matter for lookups are nodes ({@code include}, {@code a}, {@code mx}, {@code ptr},
 * {@code exists}, {@code redirect}); {@code ip4}, {@code ip6} and {@code all} are in the record
 * text.
 *
 * @param term the term as written ({@code include:_spf.example.net}); absent for the root
 * @param domain the domain the term looks up (for the root: the domain audited)
 * @param record the SPF record found at {@code domain} for the root, include and redirect
 * @param cost DNS-querying terms of this node and everything below it (RFC 7208 §4.6.4): the term
 *     itself costs 1 (an {@code mx} costs 1 however many MX hosts it has), the root costs 0
 * @param voidLookup the term's lookup returned NXDOMAIN or no records (§4.6.4 void lookup)
 * @param addresses the addresses an {@code a} or {@code mx} term stands for (used for remedies)
 * @param error what makes this node a permerror or temperror when evaluated
 * @param note other facts: never evaluated, ignored, depends on macros
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SpfNode(
    Optional<String> term,
    String domain,
    Optional<String> record,
    int cost,
    @JsonProperty("void") boolean voidLookup,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> addresses,
    List<SpfNode> children,
    Optional<String> error,
    Optional<String> note) {
  public SpfNode {
    Objects.requireNonNull(term);
    Objects.requireNonNull(domain);
    Objects.requireNonNull(record);
    Objects.requireNonNull(error);
    Objects.requireNonNull(note);
    addresses = List.copyOf(addresses);
    children = List.copyOf(children);
  }

  /** This node and every node below it, in evaluation order (pre-order). */
  public List<SpfNode> flatten() {
    List<SpfNode> out = new ArrayList<>();
    flattenInto(out);
    return out;
  }

  private void flattenInto(List<SpfNode> out) {
    out.add(this);
    children.forEach(c -> c.flattenInto(out));
  }

  /** The cost of this term alone: 1 for a DNS-querying term that is evaluated, else 0. */
  public int ownCost() {
    return cost - children.stream().mapToInt(SpfNode::cost).sum();
  }
}
