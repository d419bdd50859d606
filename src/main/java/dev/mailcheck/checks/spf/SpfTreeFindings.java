package dev.mailcheck.checks.spf;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.List;
import java.util.Optional;

/**
 * The findings about the terms of the judged tree: {@code spf.all}, {@code spf.ptr}, {@code
 * spf.dns}, {@code spf.include-missing}, {@code spf.multiple} (at an include), {@code spf.loop},
 * {@code spf.mx-names} and {@code spf.redirect}, each chosen by the node's typed problem or note. A
 * record that cannot be used (syntax error: permerror) gets no passes for its parts.
 */
final class SpfTreeFindings {
  private SpfTreeFindings() {}

  /** The {@code all} that ends evaluation: the root's, or that of the record redirect= leads to. */
  static void allQualifier(SpfAuditNode tree, List<Finding> out) {
    SpfAuditNode node = tree;
    boolean usable = true;
    for (int hops = 0; hops < 10 && node.record().isPresent(); hops++) {
      usable &= SpfLookupFindings.usable(node);
      Optional<SpfTerm.Mechanism> all =
          node.record().get().mechanisms().stream()
              .filter(m -> m.kind() == SpfTerm.Kind.ALL)
              .findFirst();
      if (all.isPresent()) {
        Finding f =
            allFinding(
                all.get(),
                node.domain(),
                node == tree ? "" : " (in " + node.domain() + ", reached by redirect)");
        if (usable || f.status() != Status.PASS) out.add(f);
        return;
      }
      Optional<SpfAuditNode> redirect =
          node.children().stream().filter(SpfAuditNode::redirect).findFirst();
      if (redirect.isEmpty()) break;
      node = redirect.get();
    }
    // A redirect= chain that ends in a loop or a missing record is a permerror with a finding of
    // its own (spf.loop, spf.redirect); "gets neutral, add -all" would be wrong on both counts.
    if (node != tree && node.problem().isPresent()) return;
    out.add(
        Finding.of(
                FindingId.SPF_ALL,
                Status.WARN,
                "No 'all' mechanism: mail from other hosts gets neutral")
            .detail(
                "Without 'all' (or a working redirect=) the default result is neutral (RFC 7208 §4.7); receivers treat it like no policy.")
            .remedy(
                tree.record()
                    .map(
                        r ->
                            "End the record with -all (or ~all): \"" + r.text().strip() + " -all\"")
                    .orElse("End the record with -all or ~all."))
            .subject(tree.domain())
            .build());
  }

  private static Finding allFinding(SpfTerm.Mechanism all, String domain, String where) {
    return switch (all.qualifier()) {
      case FAIL ->
          Finding.of(
                  FindingId.SPF_ALL, Status.PASS, "-all: mail from other hosts fails SPF" + where)
              .subject(domain)
              .build();
      case SOFTFAIL ->
          Finding.of(
                  FindingId.SPF_ALL, Status.PASS, "~all: mail from other hosts softfails" + where)
              .detail(
                  "Softfail is a common choice alongside DMARC, which turns it into rejection by its own policy; -all is stricter for receivers that act on SPF alone.")
              .subject(domain)
              .build();
      case NEUTRAL ->
          Finding.of(
                  FindingId.SPF_ALL,
                  Status.WARN,
                  "?all: the policy asserts nothing about other hosts" + where)
              .detail("Neutral means 'no statement' (RFC 7208 §8.2); forged mail is not marked.")
              .remedy("Use ~all or -all once all legitimate senders are listed.")
              .subject(domain)
              .build();
      case PASS ->
          Finding.of(
                  FindingId.SPF_ALL,
                  Status.FAIL,
                  all.text() + ": every host on the Internet passes SPF" + where)
              .detail(
                  "'+all' authorizes the whole Internet to send as "
                      + domain
                      + "; SPF then protects nothing and some receivers treat it as spam.")
              .remedy("Replace '" + all.text() + "' with -all or ~all.")
              .subject(domain)
              .build();
    };
  }

  static void ptr(List<SpfAuditNode> all, List<Finding> out) {
    for (SpfAuditNode n : all) {
      String term = n.term().orElse("");
      boolean ptrTerm = n.kind().orElse(null) == SpfTerm.Kind.PTR && n.ownCost() == 1;
      boolean pMacro =
          n.record().map(r -> r.text().contains("%{p") || r.text().contains("%{P")).orElse(false);
      if (ptrTerm || pMacro) {
        out.add(
            Finding.of(
                    FindingId.SPF_PTR,
                    Status.WARN,
                    (ptrTerm ? "'" + term + "'" : "The %{p} macro") + " is deprecated")
                .detail(
                    "RFC 7208 §5.5: ptr (and %{p}) SHOULD NOT be used: it is slow, puts load on the .arpa servers, and fails when reverse DNS is missing; large receivers may skip it.")
                .remedy("List the sending hosts with ip4:/ip6: or a: instead.")
                .subject(n.domain())
                .build());
      }
    }
  }

  static void includes(List<SpfAuditNode> all, List<Finding> out) {
    for (SpfAuditNode n : all) {
      if (n.problem().isEmpty()) continue;
      String term = n.term().orElse("");
      String error = n.problem().get().text();
      switch (n.problem().get()) {
        case SpfNodeProblem.DnsFailure d ->
            out.add(
                Finding.of(
                        FindingId.SPF_DNS,
                        Status.ERROR,
                        "Could not look up " + n.domain() + " for '" + term + "'")
                    .detail(
                        error
                            + ". Receivers hitting this get temperror; the lookup counts above may be incomplete.")
                    .subject(n.domain())
                    .build());
        case SpfNodeProblem.NoRecord r when n.isInclude() ->
            out.add(
                Finding.of(
                        FindingId.SPF_INCLUDE_MISSING,
                        Status.FAIL,
                        "'" + term + "' names a domain without an SPF record")
                    .detail(
                        n.domain()
                            + ": "
                            + error
                            + ". RFC 7208 §5.2: an include of a domain with no record is a permerror for every message that reaches it.")
                    .remedy(
                        "Remove '"
                            + term
                            + "' or correct the domain (check the provider's documentation).")
                    .subject(n.domain())
                    .build());
        case SpfNodeProblem.MultipleRecords m when n.isInclude() ->
            out.add(
                Finding.of(
                        FindingId.SPF_MULTIPLE,
                        Status.FAIL,
                        "'" + term + "' names a domain with several SPF records")
                    .detail(n.domain() + ": " + error + " (RFC 7208 §4.5).")
                    .subject(n.domain())
                    .build());
        case SpfNodeProblem.Loop l ->
            out.add(
                Finding.of(
                        FindingId.SPF_LOOP, Status.FAIL, "Include/redirect loop at '" + term + "'")
                    .detail(error + ".")
                    .remedy("Remove '" + term + "'.")
                    .subject(n.domain())
                    .build());
        case SpfNodeProblem.TooManyMxNames m ->
            out.add(
                Finding.of(
                        FindingId.SPF_MX_NAMES,
                        Status.FAIL,
                        "'" + term + "' has more than 10 MX names")
                    .detail(n.domain() + ": " + error)
                    .remedy("Use ip4:/ip6: for these hosts instead of mx.")
                    .subject(n.domain())
                    .build());
        default -> {}
      }
    }
  }

  /** Each {@code redirect=} in evaluation order; a pass only below records that can be used. */
  static void redirects(SpfAuditNode node, boolean usable, List<Finding> out) {
    if (node.redirect()) redirect(node, usable, out);
    boolean below = usable && (node.record().isEmpty() || SpfLookupFindings.usable(node));
    for (SpfAuditNode c : node.children()) redirects(c, below, out);
  }

  private static void redirect(SpfAuditNode n, boolean usable, List<Finding> out) {
    String term = n.term().orElse("");
    String error = n.problem().map(SpfNodeProblem::text).orElse("");
    if (n.note().orElse(null) instanceof SpfNodeNote.NotFollowed f
        && f.reason() == SpfTree.Reason.REDIRECT_IGNORED) {
      out.add(
          Finding.of(FindingId.SPF_REDIRECT, Status.INFO, "'" + term + "' is ignored")
              .detail(
                  "The record has an 'all' mechanism, so redirect= never applies (RFC 7208 §6.1).")
              .remedy("Remove either 'all' or '" + term + "'.")
              .subject(n.domain())
              .build());
    } else if (n.problem().orElse(null) instanceof SpfNodeProblem.NoRecord
        || n.problem().orElse(null) instanceof SpfNodeProblem.Unqueryable) {
      out.add(
          Finding.of(FindingId.SPF_REDIRECT, Status.FAIL, "'" + term + "' leads to no SPF record")
              .detail(
                  n.domain()
                      + ": "
                      + error
                      + ". RFC 7208 §6.1: a redirect to a domain without a record is a permerror.")
              .remedy(
                  "Point redirect= at a domain that publishes SPF, or replace it with the policy itself.")
              .subject(n.domain())
              .build());
    } else if (usable && n.flatten().stream().allMatch(x -> x.problem().isEmpty())) {
      // Only when nothing below it is broken either: a redirect into a loop or a record with
      // errors is not a policy "taken"; those errors have findings of their own.
      out.add(
          Finding.of(
                  FindingId.SPF_REDIRECT,
                  Status.PASS,
                  "Policy taken from " + n.domain() + " by redirect=")
              .subject(n.domain())
              .build());
    }
  }
}
