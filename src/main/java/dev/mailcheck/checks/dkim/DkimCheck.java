package dev.mailcheck.checks.dkim;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DKIM check: the key audit of a domain and the verification of a message, each returning
 * findings and the {@code dkim} report section. This is the API the domain command calls.
 */
public final class DkimCheck {
  private DkimCheck() {}

  /** Findings plus the section for the report. */
  public record Outcome<S extends DkimSection>(List<Finding> findings, S section) {
    public Outcome {
      findings = List.copyOf(findings);
    }
  }

  /**
   * Audits the keys published for a domain.
   *
   * @param selectors selectors the user named ({@code --selector}); missing ones fail
   * @param providerHosts MX exchanges and SPF include targets already known (empty: fetched here)
   */
  public static Outcome<DkimAuditSection> audit(
      String domain, List<String> selectors, List<String> providerHosts, DnsClient dns) {
    DkimAudit.Facts facts = DkimAudit.fetch(domain, selectors, providerHosts, dns);
    return new Outcome<>(evaluate(facts), DkimAuditSection.of(facts));
  }

  static List<Finding> evaluate(DkimAudit.Facts facts) {
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
            Finding.of("dkim.selector", Status.PASS, "DKIM key found for selector " + p.selector())
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
            Finding.of("dkim.selector", Status.FAIL, "No DKIM key for selector " + p.selector())
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
                    "dkim.selector",
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
                  "dkim.selector",
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
                      + " answer. To check a known selector: mailcheck dkim "
                      + d
                      + " --selector NAME")
              .build());
    } else if (!temp.isEmpty()) {
      out.add(
          Finding.of(
                  "dkim.selector",
                  Status.ERROR,
                  temp.size() + " selector lookup(s) failed temporarily")
              .detail("Could not look up " + failed + "; keys there may exist.")
              .build());
    }
    if (found.isEmpty() && !anyExplicit && temp.isEmpty()) {
      out.add(
          Finding.of(
                  "dkim.selector",
                  Status.INFO,
                  "No DKIM key found under " + facts.probes().size() + " likely selectors")
              .detail(
                  "Selectors cannot be listed from DNS (RFC 6376 §3.1), so this is not proof that the domain does not sign. "
                      + tree
                      + (facts.providers().contains("Amazon SES")
                          ? " Amazon SES uses per-domain random selectors (shown in the SES console)."
                          : ""))
              .remedy(
                  "Pass the selector from the s= tag of a DKIM-Signature in mail from "
                      + d
                      + ": mailcheck dkim "
                      + d
                      + " --selector NAME")
              .build());
    }
    if (!found.isEmpty() && facts.domainKeyTree().equals("NXDOMAIN")) {
      out.add(
          Finding.of(
                  "dkim.domainkey",
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

  /** Verifies every DKIM-Signature of a message; rsa-sha1 is verified and warned. */
  public static Outcome<DkimVerifySection> verify(byte[] message, DnsClient dns, Clock clock) {
    return verify(DkimMessage.parse(message), dns, clock);
  }

  public static Outcome<DkimVerifySection> verify(DkimMessage message, DnsClient dns, Clock clock) {
    return verify(message, dns, clock, DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
  }

  /**
   * Verifies a message as it is read ({@link MessageInput}): the body is streamed through the
   * hashes after the key lookups, so memory does not grow with the message.
   *
   * @throws IOException when reading the body fails
   */
  public static Outcome<DkimVerifySection> verify(
      MessageInput message, DnsClient dns, Clock clock, DkimVerifier.Sha1Policy sha1)
      throws IOException {
    Verification v = new DkimVerifier(dns, clock, sha1).verify(message);
    return new Outcome<>(SignatureFindings.of(v), DkimVerifySection.of(v));
  }

  /** As {@link #verify(DkimMessage, DnsClient, Clock)}, choosing what rsa-sha1 gets (RFC 8301). */
  public static Outcome<DkimVerifySection> verify(
      DkimMessage message, DnsClient dns, Clock clock, DkimVerifier.Sha1Policy sha1) {
    Verification v = new DkimVerifier(dns, clock, sha1).verify(message);
    return new Outcome<>(SignatureFindings.of(v), DkimVerifySection.of(v));
  }
}
