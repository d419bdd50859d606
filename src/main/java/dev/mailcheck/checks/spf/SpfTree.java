package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's SPF policy as fetched: every record of the include/redirect tree and every DNS answer
 * an audit needs, as values. {@link SpfTreeFetcher} builds it (the only I/O); {@link SpfAudit}
 * judges it without asking anything more.
 *
 * <p>The children of a record are its DNS-querying mechanisms in order, then {@code redirect=} (RFC
 * 7208 §4.6.4 lists the terms that cost a lookup); {@code ip4}, {@code ip6} and {@code all} are in
 * the record text.
 *
 * @param type99 the answer for the obsolete SPF RR type at the domain (RFC 7208 §3.1)
 * @param root the domain's own record lookup
 */
record SpfTree(String domain, DnsResult type99, Node.Record root) {
  SpfTree {
    Objects.requireNonNull(domain);
    Objects.requireNonNull(type99);
    Objects.requireNonNull(root);
  }

  /** One node: a record (the root, or an include/redirect target) or a term of a record. */
  sealed interface Node {
    /** The domain the node looks up (for a term not looked up: its target as written). */
    String domain();

    /**
     * The record at {@code domain}.
     *
     * @param via the {@code include:} mechanism or {@code redirect=} modifier; empty for the root
     */
    record Record(Optional<SpfTerm> via, String domain, Lookup lookup) implements Node {
      public Record {
        Objects.requireNonNull(via);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(lookup);
      }
    }

    /** {@code a}: the address answers of its target (A, then AAAA). */
    record Address(SpfTerm.Mechanism term, String domain, List<DnsResult> answers) implements Node {
      public Address {
        answers = List.copyOf(answers);
      }
    }

    /**
     * {@code mx}: the MX answer and the addresses of each host, by preference then name; no hosts
     * when the answer failed, was void or null, or named more hosts than may be looked up.
     */
    record Mx(SpfTerm.Mechanism term, String domain, DnsResult mx, List<MxHost> hosts)
        implements Node {
      public Mx {
        hosts = List.copyOf(hosts);
      }
    }

    /** {@code exists}: the A answer of its target. */
    record Exists(SpfTerm.Mechanism term, String domain, DnsResult a) implements Node {}

    /** A DNS-querying term whose name was not looked up, and why. */
    record NotFollowed(SpfTerm term, String domain, Reason reason) implements Node {}
  }

  /** One MX host of an {@code mx} term and its address answers (A, then AAAA). */
  record MxHost(String name, List<DnsResult> answers) {
    MxHost {
      answers = List.copyOf(answers);
    }
  }

  /** What looking up a record gave. */
  sealed interface Lookup {
    /** The name is already on the path from the root: an include/redirect loop. */
    record Loop(List<String> path) implements Lookup {
      public Loop {
        path = List.copyOf(path);
      }
    }

    /** The name cannot be asked (empty or over-long label, RFC 7208 §4.3). */
    record Unqueryable() implements Lookup {}

    /**
     * The TXT answer; when it holds exactly one SPF record, that record parsed and its children.
     */
    record Answered(DnsResult txt, Optional<SpfRecord> record, List<Node> children)
        implements Lookup {
      public Answered {
        Objects.requireNonNull(txt);
        Objects.requireNonNull(record);
        children = List.copyOf(children);
      }
    }
  }

  /** Why a term's name was not looked up. */
  enum Reason {
    /** After {@code all}, which always matches: never evaluated (costs nothing). */
    AFTER_ALL,
    /** {@code redirect=} beside {@code all}: never applies (RFC 7208 §6.1; costs nothing). */
    REDIRECT_IGNORED,
    /** The name depends on the sender or client (macros, RFC 7208 §7). */
    MACROS,
    /** {@code ptr}: depends on the client's reverse DNS (RFC 7208 §5.5). */
    PTR,
    /** The name cannot be asked: the term never matches. */
    UNQUERYABLE,
    /** The fetch stopped following terms at its cap (a hostile tree could fan out). */
    CAPPED;

    /** The lookups an evaluation would charge for the term (RFC 7208 §4.6.4). */
    int cost() {
      return this == AFTER_ALL || this == REDIRECT_IGNORED ? 0 : 1;
    }
  }
}
