package dev.mailcheck.checks.dkim;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings for {@code dkim verify}: one {@code dkim.signature} per signature, plus what weakens
 * them.
 */
final class SignatureFindings {
  private SignatureFindings() {}

  static List<Finding> of(Verification v) {
    List<Finding> out = new ArrayList<>();
    if (v.lineEndingsConverted()) {
      out.add(
          Finding.of(
                  FindingId.DKIM_LINE_ENDINGS,
                  Status.INFO,
                  "Message has LF line endings; read as CRLF")
              .detail(
                  "RFC 5322 mail uses CRLF and signers hash CRLF, so bare LFs (as most clients save .eml files) were converted before verifying.")
              .build());
    }
    if (v.signatures().isEmpty()) {
      out.add(
          Finding.of(FindingId.DKIM_UNSIGNED, Status.WARN, "The message has no DKIM-Signature")
              .detail(
                  "Without a valid DKIM signature, DMARC can only pass through SPF alignment, which forwarding breaks.")
              .remedy("Enable DKIM signing for the sending domain at the mail server or provider.")
              .build());
      return out;
    }
    boolean anyPass = v.anyPass();
    Set<String> keysReported = new LinkedHashSet<>();
    int i = 1;
    for (SignatureResult r : v.signatures()) {
      DkimSignature s = r.signature();
      Status st =
          switch (r.result()) {
            case PASS -> Status.PASS;
            case FAIL, PERMERROR -> anyPass ? Status.WARN : Status.FAIL;
            case TEMPERROR -> anyPass ? Status.WARN : Status.ERROR;
            case NEUTRAL, POLICY -> Status.WARN;
          };
      int number = i++;
      // A signature too broken to name its d= and s= is named by its position ("signature #1").
      String subject =
          s.domain().isEmpty() || s.selector().isEmpty() ? "signature #" + number : r.subject();
      String titleName =
          s.domain().isEmpty() || s.selector().isEmpty() ? "#" + number : r.subject();
      String detail =
          "Signature #"
              + number
              + " (d="
              + s.domain()
              + ", s="
              + s.selector()
              + ", a="
              + s.algorithmToken()
              + ", c="
              + s.canonicalization()
              + "): "
              + r.result().token()
              + ", "
              + r.reason()
              + "."
              + (anyPass && r.result() != DkimResult.PASS
                  ? " Another signature passes, so the message passes DKIM (RFC 6376 §6.1)."
                  : "");
      out.add(
          Finding.of(
                  FindingId.DKIM_SIGNATURE,
                  st,
                  "DKIM signature " + titleName + ": " + r.result().token())
              .detail(detail)
              .remedy(remedy(r))
              .subject(subject)
              .evidence(
                  List.of(
                      "dkim="
                          + r.result().token()
                          + " header.d="
                          + s.domain()
                          + " header.s="
                          + s.selector()
                          + " ("
                          + r.reason()
                          + ")"))
              .build());
      if (s.algorithm().filter(a -> a == DkimAlgorithm.RSA_SHA1).isPresent()) {
        out.add(
            Finding.of(
                    FindingId.DKIM_RSA_SHA1,
                    Status.WARN,
                    "Signature " + titleName + " uses rsa-sha1")
                .detail(
                    "RFC 8301 §3.1: rsa-sha1 MUST NOT be used for signing or verifying. mailcheck verified it anyway (result "
                        + r.result().token()
                        + "), but receivers following RFC 8301 treat it as permerror.")
                .remedy(
                    "Configure the signer for rsa-sha256 (or ed25519-sha256 alongside rsa-sha256).")
                .subject(subject)
                .build());
      }
      if (s.bodyLength().isPresent()) {
        out.add(
            Finding.of(
                    FindingId.DKIM_BODY_LENGTH,
                    Status.WARN,
                    "Signature " + titleName + " uses l= (partial body)")
                .detail(
                    "l="
                        + s.bodyLength().get()
                        + ": only the first octets of the body are signed; content appended later keeps the signature valid (RFC 6376 §8.2).")
                .remedy("Sign the whole body: drop the l= option from the signer.")
                .subject(subject)
                .build());
      }
      if (r.key().isPresent() && r.key().get().usable() && keysReported.add(s.keyName())) {
        DkimKey k = r.key().get();
        out.add(KeyFindings.strength(s.keyName(), k));
        if (k.testing()) {
          out.add(
              Finding.of(
                      FindingId.DKIM_TESTING,
                      Status.WARN,
                      "Key " + s.keyName() + " is in testing mode (t=y)")
                  .detail(
                      "Receivers may treat signatures with this key as unsigned mail (RFC 6376 §3.6.1 t=y).")
                  .remedy("Remove y from the t= tag once signing works.")
                  .subject(s.keyName())
                  .build());
        }
      }
    }
    return out;
  }

  private static String remedy(SignatureResult r) {
    return switch (r.result()) {
      case PASS -> null;
      case FAIL ->
          r.reason().startsWith("body hash")
              ? "The body changed after signing: look for footers, disclaimers or content rewriting (mailing lists, gateways) between signer and recipient."
              : "A signed header field changed after signing, or the published key does not belong to the signing key: compare the key at "
                  + r.signature().keyName()
                  + " with the signer's.";
      case TEMPERROR ->
          "Retry later; check that the DNS servers of " + r.signature().domain() + " answer.";
      case PERMERROR -> "Fix the signature or key record: " + r.reason() + ".";
      case NEUTRAL, POLICY -> "Check the signer's clock and settings: " + r.reason() + ".";
    };
  }
}
