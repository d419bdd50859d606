package dev.mailcheck.checks.dkim;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;

/** Findings about one published key record: syntax, revocation, strength, testing mode. */
final class KeyFindings {
  private KeyFindings() {}

  static List<Finding> of(String name, DkimKey key) {
    List<Finding> out = new ArrayList<>();
    if (key.publicKeyData().isEmpty() && key.problems().isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.DKIM_KEY_REVOKED, Status.INFO, "Key " + name + " is revoked (empty p=)")
              .detail(
                  "An empty p= tells verifiers the key was withdrawn (RFC 6376 §3.6.1); signatures made with it fail as permerror. Fine if intended; remove the record once no mail in transit uses it.")
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
    } else {
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
