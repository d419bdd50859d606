package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.Limits;
import java.util.List;

/**
 * A fact about a node of the policy tree that is not an error: why it was not looked up, a void
 * lookup, the MX hosts. {@link #text()} is the words the tree shows.
 */
sealed interface SpfNodeNote {
  String text();

  /** The term's name was not looked up. */
  record NotFollowed(SpfTree.Reason reason) implements SpfNodeNote {
    @Override
    public String text() {
      return switch (reason) {
        case AFTER_ALL -> "never evaluated: it comes after 'all', which always matches";
        case REDIRECT_IGNORED -> "ignored: the record has an 'all' mechanism (RFC 7208 §6.1)";
        case MACROS -> "the name depends on the sender or client address (macros): not looked up";
        case PTR ->
            "deprecated (RFC 7208 §5.5): slow, unreliable, and depends on the client's reverse DNS";
        case UNQUERYABLE -> "not a name that can be looked up: the term never matches";
        case CAPPED -> "not followed: the audit stops after " + Limits.SPF_AUDIT_TERMS + " terms";
      };
    }
  }

  /**
   * A void lookup (RFC 7208 §4.6.4): NXDOMAIN or no records.
   *
   * @param types the types looked up, as the words say them ("A or AAAA", "MX", "A")
   * @param outcome the outcome of the first of them
   */
  record Void(String domain, String types, String outcome, boolean exists) implements SpfNodeNote {
    @Override
    public String text() {
      return "void lookup: "
          + domain
          + " has no "
          + types
          + " record ("
          + outcome
          + ")"
          + (exists ? "; the term never matches" : "");
    }
  }

  /** An MX answer with only a null MX (RFC 7505). */
  record NullMx() implements SpfNodeNote {
    @Override
    public String text() {
      return "null MX (RFC 7505): matches nothing";
    }
  }

  /** The hosts an {@code mx} names, by preference. */
  record MxHosts(List<String> hosts) implements SpfNodeNote {
    public MxHosts {
      hosts = List.copyOf(hosts);
    }

    @Override
    public String text() {
      return hosts.size()
          + " MX host"
          + (hosts.size() == 1 ? "" : "s")
          + ": "
          + String.join(", ", hosts)
          + " (their address lookups are not counted)";
    }
  }
}
