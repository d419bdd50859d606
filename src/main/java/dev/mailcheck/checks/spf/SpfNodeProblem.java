package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsResult;
import java.util.List;

/**
 * What makes a node of the policy tree a permerror or temperror when evaluated. The audit picks its
 * findings by the variant; {@link #text()} is the words the tree shows.
 */
sealed interface SpfNodeProblem {
  String text();

  /** An include/redirect back to a record on its own path (evaluation ends at the limit). */
  record Loop(List<String> path, String domain) implements SpfNodeProblem {
    public Loop {
      path = List.copyOf(path);
    }

    @Override
    public String text() {
      return "loop: "
          + String.join(" -> ", path)
          + " -> "
          + domain
          + " (evaluation ends in permerror at the lookup limit)";
    }
  }

  /** An include/redirect target that cannot be asked (RFC 7208 §4.3: no such domain). */
  record Unqueryable(String domain) implements SpfNodeProblem {
    @Override
    public String text() {
      return "'" + domain + "' is not a domain name that can be looked up";
    }
  }

  /**
   * A temporary DNS failure: receivers get temperror here.
   *
   * @param namesQuestion whether the words name the question (a term with several lookups)
   */
  record DnsFailure(DnsResult result, boolean namesQuestion) implements SpfNodeProblem {
    @Override
    public String text() {
      return (namesQuestion
              ? "lookup of " + result.question()
              : result.question().type() + " lookup")
          + " failed: "
          + result.outcome()
          + " (temperror)";
    }
  }

  /** No SPF record at an include/redirect target (RFC 7208 §5.2, §6.1: permerror). */
  record NoRecord(DnsResult txt) implements SpfNodeProblem {
    @Override
    public String text() {
      return "no SPF record (" + txt.outcome() + ")";
    }
  }

  /** More than one SPF record at a name (RFC 7208 §4.5: permerror). */
  record MultipleRecords(int count) implements SpfNodeProblem {
    @Override
    public String text() {
      return count + " SPF records (permerror)";
    }
  }

  /** The record does not parse (RFC 7208 §4.6: permerror); the first problem. */
  record Syntax(SpfProblem first) implements SpfNodeProblem {
    @Override
    public String text() {
      return "syntax error " + first;
    }
  }

  /** An {@code mx} with more MX names than may be looked up (RFC 7208 §4.6.4: permerror). */
  record TooManyMxNames(int count, int max) implements SpfNodeProblem {
    @Override
    public String text() {
      return count + " MX names, more than " + max + " (RFC 7208 §4.6.4): permerror";
    }
  }
}
