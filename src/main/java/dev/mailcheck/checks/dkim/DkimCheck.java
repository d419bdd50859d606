package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DkimAuditView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The DKIM key audit of a domain ({@code mailcheck dkim DOMAIN} and the domain report): the
 * selectors the user named, those of the providers its MX and SPF point at, and common ones, each
 * looked up at once. {@link DkimVerifyCheck} verifies the signatures of a message.
 */
public final class DkimCheck implements Check<DkimCheck.Query, DkimAudit.Facts> {
  /**
   * @param selectors selectors the user named; missing ones fail
   * @param providerHosts MX exchanges and SPF include targets already known (empty: fetched here)
   */
  public record Query(String domain, List<String> selectors, List<String> providerHosts) {
    public Query {
      selectors = List.copyOf(selectors);
      providerHosts = List.copyOf(providerHosts);
    }

    public Query(String domain, List<String> selectors) {
      this(domain, selectors, List.of());
    }
  }

  @Override
  public CompletableFuture<DkimAudit.Facts> fetch(Query q, CheckContext ctx) {
    return ctx.async(
        () -> DkimAudit.fetch(q.domain(), q.selectors(), q.providerHosts(), ctx.dns()));
  }

  @Override
  public List<Finding> evaluate(Query q, DkimAudit.Facts facts, CheckSettings settings) {
    return evaluate(facts, settings.switches());
  }

  @Override
  public DkimAuditView view(Query q, DkimAudit.Facts facts) {
    List<DkimAuditView.SelectorView> views = new ArrayList<>();
    for (SelectorProbe p : facts.probes()) {
      var key = p.key();
      views.add(
          new DkimAuditView.SelectorView(
              p.selector(),
              p.source(),
              p.found(),
              p.outcome(),
              key.map(DkimKey::keyType).orElse(null),
              key.filter(k -> k.keyBits() > 0).map(DkimKey::keyBits).orElse(null),
              key.map(DkimKey::testing).orElse(null),
              key.map(DkimKey::revoked).orElse(null),
              key.map(DkimKey::record).orElse(null),
              p.cnameChain(),
              KeyFindings.unusableReason(p).orElse(null)));
    }
    return new DkimAuditView(facts.domain(), facts.domainKeyTree(), facts.providers(), views);
  }

  static List<Finding> evaluate(DkimAudit.Facts facts, Switches sw) {
    List<Finding> out = new ArrayList<>();
    String d = facts.domain();
    List<SelectorProbe> found = facts.probes().stream().filter(SelectorProbe::found).toList();
    boolean anyUsable = found.stream().anyMatch(SelectorProbe::usable);
    for (SelectorProbe p : found) {
      String name = p.selector() + "._domainkey." + d;
      String where =
          name
              + (p.cnameChain().isEmpty()
                  ? ""
                  : " via CNAME " + String.join(" -> ", p.cnameChain()))
              + " (selector from "
              + p.source()
              + ")";
      if (p.usable()) {
        out.add(
            Finding.of(
                    FindingId.DKIM_SELECTOR,
                    Status.PASS,
                    "DKIM key found for selector " + p.selector())
                .detail(where)
                .subject(p.selector())
                .evidence(p.records())
                .build());
      } else {
        // Never PASS for a key that cannot verify mail: the selector finding carries the verdict.
        out.add(KeyFindings.unusable(p, name, where, KeyFindings.severity(p, anyUsable)));
      }
      out.addAll(KeyFindings.of(name, p, KeyFindings.severity(p, anyUsable)));
    }
    for (SelectorProbe p : facts.probes()) {
      String name = p.selector() + "._domainkey." + d;
      if (p.explicit() && !p.found() && !p.temporaryFailure()) {
        out.add(
            Finding.of(
                    FindingId.DKIM_SELECTOR,
                    Status.FAIL,
                    "No DKIM key for selector " + p.selector())
                .detail(
                    name
                        + " has no DKIM key record ("
                        + p.outcome()
                        + (p.records().isEmpty() ? "" : "; TXT present but not a DKIM key")
                        + "): mail signed with s="
                        + p.selector()
                        + " fails verification (permerror).")
                .remedy(
                    "Publish the key record the signer shows for selector "
                        + p.selector()
                        + " as TXT at "
                        + name
                        + ".")
                .subject(p.selector())
                .evidence(p.records())
                .build());
      }
      if (p.explicit() && p.temporaryFailure()) {
        out.add(
            Finding.of(
                    FindingId.DKIM_SELECTOR,
                    Status.ERROR,
                    "Could not look up selector " + p.selector() + " (" + p.outcome() + ")")
                .detail(
                    name
                        + ": "
                        + p.outcome()
                        + ". A temporary failure says nothing about whether the key exists: it may.")
                .remedy("Retry later; check that the DNS servers of " + d + " answer.")
                .subject(p.selector())
                .build());
      }
    }
    List<SelectorProbe> temp =
        facts.probes().stream().filter(p -> p.temporaryFailure() && !p.explicit()).toList();
    String failed =
        temp.stream()
            .map(p -> p.selector() + " (" + p.outcome() + ")")
            .collect(Collectors.joining(", "));
    boolean anyExplicit = facts.probes().stream().anyMatch(SelectorProbe::explicit);
    String tree =
        switch (facts.domainKeyTree()) {
          case "NXDOMAIN" ->
              "_domainkey."
                  + d
                  + " does not exist (NXDOMAIN): no DKIM key is published under any selector (RFC 8020).";
          case "NOERROR", "NODATA" ->
              "_domainkey."
                  + d
                  + " exists, so keys are probably published under selectors that were not guessed.";
          default -> "_domainkey." + d + " could not be looked up (" + facts.domainKeyTree() + ").";
        };
    if (found.isEmpty() && !anyExplicit && !temp.isEmpty()) {
      // Not "nothing found": the search is incomplete, and a key may sit where DNS did not answer.
      out.add(
          Finding.of(
                  FindingId.DKIM_SELECTOR,
                  Status.ERROR,
                  "DKIM key search incomplete: "
                      + temp.size()
                      + " of "
                      + facts.probes().size()
                      + " selector lookups failed")
              .detail(
                  "Could not look up "
                      + failed
                      + "; keys there may exist. No key was found under the selectors that answered. "
                      + tree)
              .remedy(
                  "Retry later; check that the DNS servers of "
                      + d
                      + " answer. To check a selector you know, name it ("
                      + sw.selector()
                      + ").")
              .build());
    } else if (!temp.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DKIM_SELECTOR,
                  Status.ERROR,
                  temp.size() + " selector lookup(s) failed temporarily")
              .detail("Could not look up " + failed + "; keys there may exist.")
              .build());
    }
    if (found.isEmpty() && !anyExplicit && temp.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DKIM_SELECTOR,
                  Status.INFO,
                  "No DKIM key found under " + facts.probes().size() + " likely selectors")
              .detail(
                  "Selectors cannot be listed from DNS (RFC 6376 §3.1), so this is not proof that the domain does not sign. "
                      + tree
                      + (facts.providers().contains("Amazon SES")
                          ? " Amazon SES uses per-domain random selectors (shown in the SES console)."
                          : ""))
              .remedy(
                  facts.domainKeyTree().equals("NXDOMAIN")
                      // No key exists under any selector (RFC 8020): naming one cannot find it.
                      ? "Sign the mail of "
                          + d
                          + " with DKIM and publish the public key as a TXT record at the selector the signer uses, e.g. s1._domainkey."
                          + d
                          + " (the signing service shows the record to publish)."
                      : "Pass the selector from the s= tag of a DKIM-Signature in mail from "
                          + d
                          + " ("
                          + sw.selector()
                          + ").")
              .build());
    }
    if (!found.isEmpty() && facts.domainKeyTree().equals("NXDOMAIN")) {
      out.add(
          Finding.of(
                  FindingId.DKIM_DOMAINKEY,
                  Status.WARN,
                  "_domainkey." + d + " answers NXDOMAIN although keys exist below it")
              .detail(
                  "RFC 8020 says NXDOMAIN means nothing exists below the name; resolvers that honour it will stop finding these keys. The authoritative server mishandles empty non-terminals.")
              .remedy(
                  "Fix or upgrade the DNS server (or provider) so that _domainkey."
                      + d
                      + " answers NOERROR with no data.")
              .build());
    }
    return out;
  }
}
