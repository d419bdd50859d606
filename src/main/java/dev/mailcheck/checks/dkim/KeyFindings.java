package dev.mailcheck.checks.dkim;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;

/** Findings about one published key record: syntax, revocation, strength, testing mode. */
final class KeyFindings {
  private KeyFindings() {}

  /**
   * How bad a key that cannot verify mail is. A selector the user named is one mail is signed with:
   * fail. A guessed selector with a revoked key is usually a deliberate withdrawal (RFC 6376
   * §3.6.1): info while another usable key exists, warn when it is all there is. Any other defect
   * is a publishing mistake: fail. PASS for a usable key.
   */
  static Status severity(SelectorProbe p, boolean anyUsable) {
    List<KeyDefect> defects = p.defects();
    if (defects.isEmpty()) return Status.PASS;
    if (p.explicit()) return Status.FAIL;
    if (defects.equals(List.of(KeyDefect.REVOKED))) return anyUsable ? Status.INFO : Status.WARN;
    return Status.FAIL;
  }

  /** The {@code dkim.selector} finding for a key record that cannot verify mail. */
  static Finding unusable(SelectorProbe p, String name, String where, Status status) {
    DkimKey key = p.key().orElseThrow();
    List<KeyDefect> defects = p.defects();
    KeyDefect first = defects.get(0);
    return Finding.of(
            FindingId.DKIM_SELECTOR,
            status,
            "DKIM key for selector " + p.selector() + " is unusable: " + shortReason(first, p))
        .detail(
            where
                + ": "
                + defects.stream()
                    .map(d -> explanation(d, p))
                    .collect(java.util.stream.Collectors.joining(" "))
                + " Every signature with s="
                + p.selector()
                + " fails as permerror.")
        .remedy(remedy(first, p, name, status))
        .subject(p.selector())
        .evidence(p.records().isEmpty() ? List.of(key.record()) : p.records())
        .build();
  }

  /** Why the key at this selector cannot verify mail, in a few words; empty when it can. */
  static java.util.Optional<String> unusableReason(SelectorProbe p) {
    return p.defects().stream().findFirst().map(d -> shortReason(d, p));
  }

  private static String shortReason(KeyDefect d, SelectorProbe p) {
    DkimKey key = p.key().orElseThrow();
    return switch (d) {
      case SEVERAL_RECORDS -> p.records().size() + " TXT records at the selector";
      case SYNTAX -> "the record cannot be parsed";
      case REVOKED -> "revoked (empty p=)";
      case NOT_FOR_EMAIL ->
          "restricted to other services (s=" + String.join(":", key.services()) + ")";
      case NO_ACCEPTABLE_HASH -> "h=" + String.join(":", key.hashes()) + " does not allow sha256";
      case RSA_TOO_SHORT -> "RSA key of " + key.keyBits() + " bits";
    };
  }

  private static String explanation(KeyDefect d, SelectorProbe p) {
    DkimKey key = p.key().orElseThrow();
    return switch (d) {
      case SEVERAL_RECORDS ->
          p.records().size()
              + " TXT records answer at this name; RFC 6376 §3.6.2.2 requires one, and with several the results are undefined: verifiers may pick any, or fail the signature.";
      case SYNTAX -> "The record cannot be parsed: " + String.join("; ", key.problems()) + ".";
      case REVOKED -> "An empty p= means the key was withdrawn (RFC 6376 §3.6.1).";
      case NOT_FOR_EMAIL ->
          "s="
              + String.join(":", key.services())
              + " limits the key to other services; without email or * verifiers must not use it for mail (RFC 6376 §3.6.1).";
      case NO_ACCEPTABLE_HASH ->
          key.keyType().equals("rsa")
              ? "h="
                  + String.join(":", key.hashes())
                  + " allows only rsa-sha1 signatures, which RFC 8301 §3.1 forbids verifiers to accept."
              : "h="
                  + String.join(":", key.hashes())
                  + " does not allow sha256, the only hash ed25519-sha256 uses (RFC 8463).";
      case RSA_TOO_SHORT ->
          "RSA keys under 1024 bits MUST NOT be accepted by verifiers (RFC 8301 §3.2).";
    };
  }

  private static String remedy(KeyDefect d, SelectorProbe p, String name, Status status) {
    return switch (d) {
      case SEVERAL_RECORDS -> "Keep exactly one key record at " + name + " and delete the others.";
      case SYNTAX ->
          "Publish the record as the signer generated it, e.g. \"v=DKIM1; k=rsa; p=<base64 key>\" (RFC 6376 §3.6.1; Ed25519: k=ed25519 with the raw 32-byte key, RFC 8463 §4).";
      case REVOKED ->
          status == Status.INFO
              ? "Fine if intended; remove the record once no mail in transit uses it."
              : "If mail is still signed with s="
                  + p.selector()
                  + ", publish its current public key at "
                  + name
                  + " or switch the signer to a selector with a key.";
      case NOT_FOR_EMAIL -> "Remove the s= tag, or list email in it (s=email).";
      case NO_ACCEPTABLE_HASH -> "Remove the h= tag (or set h=sha256) and sign with rsa-sha256.";
      case RSA_TOO_SHORT ->
          "Generate a 2048-bit RSA key, publish it under a new selector, switch the signer, then revoke the old key (p=).";
    };
  }

  /**
   * Key-level findings for a key record found at a selector: syntax, revocation, strength, testing
   * mode. {@code status} is the selector's verdict, so a revoked key's finding agrees with it.
   */
  static List<Finding> of(String name, SelectorProbe probe, Status status) {
    DkimKey key = probe.key().orElseThrow();
    List<Finding> out = new ArrayList<>();
    if (key.revoked()) {
      out.add(
          Finding.of(FindingId.DKIM_KEY_REVOKED, status, "Key " + name + " is revoked (empty p=)")
              .detail(
                  "An empty p= tells verifiers the key was withdrawn (RFC 6376 §3.6.1); signatures made with it fail as permerror."
                      + (status == Status.INFO
                          ? " Fine if intended; remove the record once no mail in transit uses it."
                          : status == Status.FAIL
                              ? " The selector was named explicitly, so mail is expected to be signed with it."
                              : " No other usable key was found for this domain."))
              .subject(name)
              .evidence(key.record())
              .build());
      return out;
    }
    if (!key.problems().isEmpty()) {
      out.add(
          Finding.of(FindingId.DKIM_KEY_SYNTAX, Status.FAIL, "Key record " + name + " is unusable")
              .detail(String.join("; ", key.problems()))
              .remedy(
                  "Publish the record as the signer generated it, e.g. \"v=DKIM1; k=rsa; p=<base64 key>\" (RFC 6376 §3.6.1; Ed25519: k=ed25519 with the raw 32-byte key, RFC 8463 §4).")
              .subject(name)
              .evidence(key.record())
              .build());
    } else if (status == Status.PASS || probe.defects().contains(KeyDefect.RSA_TOO_SHORT)) {
      // A key that cannot be used for mail gets no "strength" pass beside its failure.
      out.add(strength(name, key));
    }
    if (key.testing()) {
      out.add(
          Finding.of(
                  FindingId.DKIM_TESTING, Status.WARN, "Key " + name + " is in testing mode (t=y)")
              .detail(
                  "Receivers may treat signatures with this key as unsigned mail (RFC 6376 §3.6.1 t=y).")
              .remedy("Remove y from the t= tag once signing works.")
              .subject(name)
              .evidence(key.record())
              .build());
    }
    return out;
  }

  static Finding strength(String name, DkimKey key) {
    int bits = key.keyBits();
    if (key.keyType().equals("ed25519")) {
      return Finding.of(FindingId.DKIM_KEY_STRENGTH, Status.PASS, "Key " + name + " is Ed25519")
          .detail(
              "Ed25519 (RFC 8463). Not every receiver verifies it yet: also sign with an RSA key of 2048 bits.")
          .subject(name)
          .build();
    }
    Status s = bits < 1024 ? Status.FAIL : bits < 2048 ? Status.WARN : Status.PASS;
    String detail =
        switch (s) {
          case FAIL ->
              "RSA keys below 1024 bits are not accepted by verifiers (RFC 8301 §3.2) and can be factored.";
          case WARN ->
              "1024-bit RSA is the minimum RFC 8301 allows; 2048 bits is recommended and what major receivers expect.";
          default -> "RSA key of at least 2048 bits (RFC 8301 §3.2).";
        };
    return Finding.of(FindingId.DKIM_KEY_STRENGTH, s, "Key " + name + " is RSA " + bits + " bits")
        .detail(detail)
        .remedy(
            s == Status.PASS
                ? null
                : "Generate a 2048-bit RSA key, publish it under a new selector, switch the signer, then revoke the old key (p=).")
        .subject(name)
        .build();
  }
}
