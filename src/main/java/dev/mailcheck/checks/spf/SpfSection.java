package dev.mailcheck.checks.spf;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mailcheck.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code spf} section of a report (docs/report.schema.json {@code spfSection}).
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
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SpfSection(
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
    Optional<SpfNode> tree,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> steps)
    implements Section {
  public SpfSection {
    Objects.requireNonNull(domain);
    steps = List.copyOf(steps);
  }

  @JsonIgnore
  @Override
  public String key() {
    return "spf";
  }

  @JsonIgnore
  @Override
  public List<String> textLines() {
    List<String> out = new ArrayList<>();
    out.add("SPF " + domain);
    record.ifPresent(r -> out.add("  record       " + r));
    result.ifPresent(
        r -> {
          out.add(
              "  result       "
                  + r
                  + "  (ip "
                  + ip.orElse("?")
                  + ", sender "
                  + sender.orElse("?")
                  + helo.map(h -> ", helo " + h).orElse("")
                  + ")");
          reason.ifPresent(x -> out.add("  reason       " + x));
          explanation.ifPresent(x -> out.add("  explanation  " + x));
        });
    out.add(
        "  lookups      "
            + lookups
            + " of 10"
            + "   void lookups "
            + voidLookups
            + " of 2"
            + (result.isPresent() ? "  (charged by this evaluation)" : "  (whole tree)"));
    if (!steps.isEmpty()) {
      out.add("");
      out.add("  evaluation:");
      steps.forEach(s -> out.add("    " + s));
    }
    tree.ifPresent(
        t -> {
          out.add("");
          out.add("  tree (lookups per node):");
          out.add("    " + t.domain() + "  [" + t.cost() + "]" + suffix(t));
          render(t.children(), "    ", out);
        });
    return out;
  }

  private static void render(List<SpfNode> nodes, String prefix, List<String> out) {
    for (int i = 0; i < nodes.size(); i++) {
      SpfNode n = nodes.get(i);
      boolean last = i == nodes.size() - 1;
      String term = n.term().orElse(n.domain());
      out.add(prefix + (last ? "└─ " : "├─ ") + term + "  [" + n.cost() + "]" + suffix(n));
      String inner = prefix + (last ? "   " : "│  ");
      n.record().ifPresent(r -> out.add(inner + "  " + r));
      render(n.children(), inner, out);
    }
  }

  private static String suffix(SpfNode n) {
    StringBuilder sb = new StringBuilder();
    if (n.voidLookup()) sb.append("  VOID");
    n.error().ifPresent(e -> sb.append("  ERROR: ").append(e));
    n.note().ifPresent(x -> sb.append("  (").append(x).append(')'));
    return sb.toString();
  }
}
