package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.spf.SpfTree.Lookup;
import dev.mailcheck.checks.spf.SpfTree.Node;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.LookupBudget;
import dev.mailcheck.internal.InetAddresses;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges a fetched tree node by node, in evaluation order (pre-order), charging one {@link
 * LookupBudget} as an evaluation would in the worst case (RFC 7208 §4.6.4): every DNS-querying term
 * that is reached costs 1 ({@code mx} too, however many hosts), terms after {@code all} and a
 * {@code redirect=} beside {@code all} cost 0, void lookups are charged as they are met. The budget
 * is the only counter: the first charge it refuses marks the node that crosses the limit. Pure.
 */
final class SpfTreeJudge {
  /** The judged tree and what the budget counted over it. */
  record Judged(SpfAuditNode root, int lookups, int voidLookups) {}

  private final LookupBudget budget;
  private final int maxNames;
  private boolean crossed;

  private SpfTreeJudge(SpfOptions options) {
    this.budget = new LookupBudget(options.maxLookups(), options.maxVoidLookups());
    this.maxNames = options.maxNames();
  }

  static Judged judge(Node.Record root, SpfOptions options) {
    SpfTreeJudge j = new SpfTreeJudge(options);
    SpfAuditNode node = j.node(root);
    return new Judged(node, j.budget.lookups(), j.budget.voidLookups());
  }

  private SpfAuditNode node(Node n) {
    return switch (n) {
      case Node.Record r -> record(r);
      case Node.Address a -> address(a);
      case Node.Mx m -> mx(m);
      case Node.Exists e -> exists(e);
      case Node.NotFollowed f -> {
        int own = f.reason().cost();
        boolean over = crosses(own);
        yield leaf(
            f.term(),
            f.domain(),
            own,
            over,
            false,
            List.of(),
            null,
            new SpfNodeNote.NotFollowed(f.reason()));
      }
    };
  }

  private SpfAuditNode record(Node.Record r) {
    int own = r.via().isPresent() ? 1 : 0;
    boolean overLimit = crosses(own);
    SpfNodeProblem problem = null;
    Optional<SpfRecord> record = Optional.empty();
    List<SpfAuditNode> children = new ArrayList<>();
    switch (r.lookup()) {
      case Lookup.Loop l -> problem = new SpfNodeProblem.Loop(l.path(), r.domain());
      case Lookup.Unqueryable u -> problem = new SpfNodeProblem.Unqueryable(r.domain());
      case Lookup.Answered a -> {
        int found = SpfLookups.spfRecords(a.txt()).size();
        if (a.txt().isTemporaryFailure()) problem = new SpfNodeProblem.DnsFailure(a.txt(), false);
        else if (found == 0) problem = new SpfNodeProblem.NoRecord(a.txt());
        else if (found > 1) problem = new SpfNodeProblem.MultipleRecords(found);
        record = a.record();
        for (Node c : a.children()) children.add(node(c));
        if (record.isPresent() && !record.get().valid())
          problem = new SpfNodeProblem.Syntax(record.get().problems().get(0));
      }
    }
    int cost = own + children.stream().mapToInt(SpfAuditNode::cost).sum();
    return new SpfAuditNode(
        r.via().map(SpfTerm::text),
        r.domain(),
        record,
        r.via().flatMap(SpfTreeJudge::kind),
        r.via().isPresent() && r.via().get() instanceof SpfTerm.Modifier,
        own,
        cost,
        false,
        List.of(),
        children,
        Optional.ofNullable(problem),
        Optional.empty(),
        overLimit);
  }

  private SpfAuditNode address(Node.Address a) {
    int own = 1;
    boolean over = crosses(own);
    Optional<DnsResult> failed =
        a.answers().stream().filter(DnsResult::isTemporaryFailure).findFirst();
    if (failed.isPresent()) {
      return leaf(
          a.term(),
          a.domain(),
          own,
          over,
          false,
          List.of(),
          new SpfNodeProblem.DnsFailure(failed.get(), true),
          null);
    }
    List<String> addrs = addressTexts(a.term(), a.answers());
    boolean isVoid = isVoid(addrs.isEmpty());
    String outcome = a.answers().isEmpty() ? "" : a.answers().get(0).outcome();
    return leaf(
        a.term(),
        a.domain(),
        own,
        over,
        isVoid,
        addrs,
        null,
        isVoid ? new SpfNodeNote.Void(a.domain(), "A or AAAA", outcome, false) : null);
  }

  private SpfAuditNode mx(Node.Mx m) {
    int own = 1;
    boolean over = crosses(own);
    DnsResult r = m.mx();
    if (r.isTemporaryFailure()) {
      return leaf(
          m.term(),
          m.domain(),
          own,
          over,
          false,
          List.of(),
          new SpfNodeProblem.DnsFailure(r, false),
          null);
    }
    List<String> hosts = SpfLookups.mxHosts(r);
    if (hosts.isEmpty()) {
      boolean isVoid = isVoid(r.isVoid());
      SpfNodeNote note =
          isVoid
              ? new SpfNodeNote.Void(m.domain(), "MX", r.outcome(), false)
              : new SpfNodeNote.NullMx();
      return leaf(m.term(), m.domain(), own, over, isVoid, List.of(), null, note);
    }
    if (hosts.size() > maxNames) {
      return leaf(
          m.term(),
          m.domain(),
          own,
          over,
          false,
          List.of(),
          new SpfNodeProblem.TooManyMxNames(hosts.size(), maxNames),
          null);
    }
    List<String> addrs = new ArrayList<>();
    SpfNodeProblem problem = null;
    for (SpfTree.MxHost h : m.hosts()) {
      addrs.addAll(addressTexts(m.term(), h.answers()));
      // A host whose addresses could not be looked up is unknown, not absent: receivers get
      // temperror unless another host matches (RFC 7208 §5.4), and no remedy may drop it.
      Optional<DnsResult> failed =
          h.answers().stream().filter(DnsResult::isTemporaryFailure).findFirst();
      if (problem == null && failed.isPresent())
        problem = new SpfNodeProblem.DnsFailure(failed.get(), true);
    }
    return leaf(
        m.term(),
        m.domain(),
        own,
        over,
        false,
        addrs.stream().distinct().toList(),
        problem,
        new SpfNodeNote.MxHosts(hosts));
  }

  private SpfAuditNode exists(Node.Exists e) {
    int own = 1;
    boolean over = crosses(own);
    DnsResult r = e.a();
    if (r.isTemporaryFailure()) {
      return leaf(
          e.term(),
          e.domain(),
          own,
          over,
          false,
          List.of(),
          new SpfNodeProblem.DnsFailure(r, false),
          null);
    }
    boolean isVoid = isVoid(r.recordsOrEmpty().isEmpty());
    return leaf(
        e.term(),
        e.domain(),
        own,
        over,
        isVoid,
        List.of(),
        null,
        isVoid ? new SpfNodeNote.Void(e.domain(), "A", r.outcome(), true) : null);
  }

  /** Charges {@code cost} (0 or 1) lookups; true for the first charge over the limit. */
  private boolean crosses(int cost) {
    if (cost == 0 || budget.chargeLookup() || crossed) return false;
    crossed = true;
    return true;
  }

  /** Charges a void lookup when there is one. */
  private boolean isVoid(boolean isVoid) {
    if (isVoid) budget.chargeVoid();
    return isVoid;
  }

  private SpfAuditNode leaf(
      SpfTerm term,
      String domain,
      int own,
      boolean over,
      boolean isVoid,
      List<String> addrs,
      SpfNodeProblem problem,
      SpfNodeNote note) {
    return new SpfAuditNode(
        Optional.of(term.text()),
        domain,
        Optional.empty(),
        kind(term),
        term instanceof SpfTerm.Modifier,
        own,
        own,
        isVoid,
        addrs,
        List.of(),
        Optional.ofNullable(problem),
        Optional.ofNullable(note),
        over);
  }

  private static Optional<SpfTerm.Kind> kind(SpfTerm t) {
    return t instanceof SpfTerm.Mechanism m ? Optional.of(m.kind()) : Optional.empty();
  }

  private static List<String> addressTexts(SpfTerm.Mechanism m, List<DnsResult> answers) {
    List<String> out = new ArrayList<>();
    for (DnsResult r : answers) {
      for (DnsRecord rec : r.recordsOrEmpty()) {
        if (rec instanceof DnsRecord.Address addr) {
          boolean v4 = addr.address() instanceof Inet4Address;
          int len = v4 ? m.cidr4() : m.cidr6();
          String text = (v4 ? "ip4:" : "ip6:") + InetAddresses.format(addr.address());
          if (len != (v4 ? 32 : 128)) text += "/" + len;
          out.add(text);
        }
      }
    }
    return out;
  }
}
