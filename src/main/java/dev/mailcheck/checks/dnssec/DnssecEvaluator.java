package dev.mailcheck.checks.dnssec;

import dev.mailcheck.dns.BogusReason;
import dev.mailcheck.dns.DnssecStatus;
import dev.mailcheck.dns.Validation;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The DNSSEC findings: one per validated name, plus any disagreement with the resolver's AD. */
public final class DnssecEvaluator {
  private DnssecEvaluator() {}

  public static List<Finding> evaluate(DnssecFacts facts) {
    List<Finding> out = new ArrayList<>();
    out.add(finding(FindingId.DNSSEC_DOMAIN, facts.domainName(), facts.domain(), "MX"));
    for (DnssecFacts.Host h : facts.hosts())
      out.add(finding(FindingId.DNSSEC_MX, h.name(), h.validation(), "address"));
    List<Validation> all = new ArrayList<>();
    all.add(facts.domain());
    facts.hosts().forEach(h -> all.add(h.validation()));
    for (Validation v : all) {
      if (v.upstreamAd() && !v.secure()) {
        out.add(
            Finding.of(
                    FindingId.DNSSEC_UPSTREAM_AD,
                    Status.INFO,
                    "The resolver claims authenticated data, mailcheck's validation does not")
                .subject(v.question().toString())
                .detail(
                    "The resolver set AD on "
                        + v.question()
                        + ", but validation from "
                        + anchorWords(v)
                        + " says "
                        + word(v.status())
                        + ". The AD bit is never trusted: it says only what that resolver (and every hop to it) claims.")
                .build());
      }
    }
    return out;
  }

  static Finding finding(FindingId id, String name, Validation v, String what) {
    String subject = name;
    return switch (v.status()) {
      case SECURE ->
          Finding.of(id, Status.PASS, "Signed and valid: " + name)
              .subject(subject)
              .detail(
                  "The "
                      + what
                      + " answer validates from "
                      + anchorWords(v)
                      + v.zone().map(z -> " (signed by zone " + display(z) + ")").orElse("")
                      + ".")
              .build();
      case INSECURE ->
          Finding.of(id, Status.WARN, "Not signed: " + name)
              .subject(subject)
              .detail(
                  "The "
                      + what
                      + " answer is provably unsigned: "
                      + v.reason()
                      + v.insecureProof().map(p -> " Proof: " + p).orElse("")
                      + " Without DNSSEC, senders cannot authenticate it, and DANE cannot be used.")
              .remedy(
                  "Sign the zone (most DNS hosts offer it as one switch) and publish its DS record at the parent (the registrar).")
              .build();
      case BOGUS ->
          Finding.of(id, Status.FAIL, "DNSSEC validation fails: " + name)
              .subject(subject)
              .detail(
                  "The "
                      + what
                      + " answer is bogus ("
                      + v.bogusReason().map(DnssecEvaluator::reasonWord).orElse("invalid")
                      + "): "
                      + v.reason()
                      + " Validating resolvers answer SERVFAIL for it: mail to this name fails or waits.")
              .remedy(remedy(v.bogusReason().orElse(BogusReason.OTHER)))
              .build();
      case INDETERMINATE ->
          Finding.of(id, Status.ERROR, "DNSSEC could not be checked: " + name)
              .subject(subject)
              .detail(v.reason())
              .build();
    };
  }

  static String reasonWord(BogusReason r) {
    return r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String remedy(BogusReason r) {
    return switch (r) {
      case SIGNATURE_EXPIRED, SIGNATURE_NOT_YET_VALID ->
          "Re-sign the zone (the signer stopped refreshing signatures, or its clock is wrong) and make re-signing automatic.";
      case DNSKEY_MISSING ->
          "Make the DS record at the parent match a key the zone publishes (a key rollover or a transfer left it stale), or remove the DS to go unsigned.";
      case RRSIGS_MISSING, NSEC_MISSING ->
          "Serve the zone fully signed from every name server (one may serve an unsigned copy).";
      case UNSUPPORTED_ALGORITHM ->
          "Use a current algorithm (13, ECDSA P-256 SHA-256, or 8, RSA SHA-256).";
      case OTHER ->
          "Check the chain of trust (DS at the parent, DNSKEY and signatures in the zone), e.g. with dnsviz.net.";
    };
  }

  static String word(DnssecStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static String anchorWords(Validation v) {
    return v.anchor()
        .map(a -> a.isEmpty() ? "the root trust anchor" : "the trust anchor " + a)
        .orElse("no trust anchor");
  }

  private static String display(String zone) {
    return zone.isEmpty() ? "." : zone;
  }
}
