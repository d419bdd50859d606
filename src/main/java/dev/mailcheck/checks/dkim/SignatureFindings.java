package dev.mailcheck.checks.dkim;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Findings for {@code dkim verify}: one {@code dkim.signature} per distinct problem (result,
 * reason, d=), with a count when several signatures share it, plus what weakens them. The dkim
 * section keeps one entry per signature, so grouping loses nothing.
 */
public final class SignatureFindings {
  private SignatureFindings() {}

  public static List<Finding> of(Verification v) {
    List<Finding> out = new ArrayList<>();
    if (v.lineEndingsConverted()) {
      out.add(
          Finding.of(
                  FindingId.DKIM_LINE_ENDINGS,
                  Status.INFO,
                  "Message has LF line endings; read as CRLF")
              .detail(
                  "RFC 5322 mail uses CRLF and signers hash CRLF, so bare LFs (as most clients save .eml files), or the bare CRs of a file that ends its lines with CR, were converted before verifying.")
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
    // One finding per distinct problem: a message with hundreds of signatures failing the same
    // way gives one finding with a count; every signature stays listed in the dkim section.
    Map<Problem, List<Integer>> groups = new LinkedHashMap<>();
    Map<String, List<Integer>> sha1 = new LinkedHashMap<>();
    Map<String, List<Integer>> bodyLength = new LinkedHashMap<>();
    Set<String> keysReported = new LinkedHashSet<>();
    List<SignatureResult> all = v.signatures();
    for (int i = 0; i < all.size(); i++) {
      SignatureResult r = all.get(i);
      DkimSignature s = r.signature();
      groups
          .computeIfAbsent(
              new Problem(status(r, anyPass), r.result(), r.reason(), s.domain()),
              k -> new ArrayList<>())
          .add(i);
      if (s.algorithm().filter(a -> a == DkimAlgorithm.RSA_SHA1).isPresent())
        sha1.computeIfAbsent(subject(r, i + 1), k -> new ArrayList<>()).add(i);
      if (s.bodyLength().isPresent())
        bodyLength.computeIfAbsent(subject(r, i + 1), k -> new ArrayList<>()).add(i);
    }
    groups.forEach((problem, members) -> out.add(signatureFinding(problem, members, all, anyPass)));
    sha1.forEach(
        (subject, members) -> {
          SignatureResult r = all.get(members.get(0));
          out.add(
              Finding.of(
                      FindingId.DKIM_RSA_SHA1,
                      Status.WARN,
                      (members.size() == 1
                              ? "Signature " + titleName(r, members.get(0) + 1)
                              : members.size() + " signatures " + subject)
                          + " use"
                          + (members.size() == 1 ? "s" : "")
                          + " rsa-sha1")
                  .detail(
                      "RFC 8301 §3.1: rsa-sha1 MUST NOT be used for signing or verifying. mailcheck verified "
                          + (members.size() == 1 ? "it" : "them")
                          + " anyway (result "
                          + results(members, all)
                          + "), but receivers following RFC 8301 treat "
                          + (members.size() == 1 ? "it" : "them")
                          + " as permerror.")
                  .remedy(
                      "Configure the signer for rsa-sha256 (or ed25519-sha256 alongside rsa-sha256).")
                  .subject(subject)
                  .build());
        });
    bodyLength.forEach(
        (subject, members) -> {
          SignatureResult r = all.get(members.get(0));
          out.add(
              Finding.of(
                      FindingId.DKIM_BODY_LENGTH,
                      Status.WARN,
                      (members.size() == 1
                              ? "Signature " + titleName(r, members.get(0) + 1) + " uses"
                              : members.size() + " signatures " + subject + " use")
                          + " l= (partial body)")
                  .detail(
                      "l="
                          + members.stream()
                              .map(i -> all.get(i).signature().bodyLength().get().toString())
                              .distinct()
                              .collect(Collectors.joining(", "))
                          + ": only the first octets of the body are signed; content appended later keeps the signature valid (RFC 6376 §8.2).")
                  .remedy("Sign the whole body: drop the l= option from the signer.")
                  .subject(subject)
                  .build());
        });
    for (SignatureResult r : all) {
      DkimSignature s = r.signature();
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

  /** What makes signatures "the same problem": one finding each. */
  private record Problem(Status status, DkimResult result, String reason, String domain) {}

  /** Signature numbers shown in a grouped finding; the rest are counted. */
  static final int NUMBERS_SHOWN = 10;

  private static Status status(SignatureResult r, boolean anyPass) {
    return switch (r.result()) {
      case PASS -> Status.PASS;
      case FAIL, PERMERROR -> anyPass ? Status.WARN : Status.FAIL;
      case TEMPERROR -> anyPass ? Status.WARN : Status.ERROR;
      case NEUTRAL, POLICY -> Status.WARN;
    };
  }

  private static Finding signatureFinding(
      Problem p, List<Integer> members, List<SignatureResult> all, boolean anyPass) {
    SignatureResult first = all.get(members.get(0));
    String another =
        anyPass && p.result() != DkimResult.PASS
            ? " Another signature passes, so the message passes DKIM (RFC 6376 §6.1)."
            : "";
    if (members.size() == 1) {
      int number = members.get(0) + 1;
      DkimSignature s = first.signature();
      return Finding.of(
              FindingId.DKIM_SIGNATURE,
              p.status(),
              "DKIM signature " + titleName(first, number) + ": " + p.result().token())
          .detail(
              "Signature #"
                  + number
                  + " ("
                  + describe(List.of(first))
                  + "): "
                  + p.result().token()
                  + ", "
                  + p.reason()
                  + "."
                  + another)
          .remedy(remedy(first))
          .subject(subject(first, number))
          .evidence(List.of(evidence(first)))
          .build();
    }
    List<SignatureResult> rs = members.stream().map(all::get).toList();
    String numbers =
        members.stream()
                .limit(NUMBERS_SHOWN)
                .map(i -> "#" + (i + 1))
                .collect(Collectors.joining(", "))
            + (members.size() > NUMBERS_SHOWN
                ? " and " + (members.size() - NUMBERS_SHOWN) + " more"
                : "");
    List<String> evidence = rs.stream().map(SignatureFindings::evidence).distinct().toList();
    List<String> shown =
        new ArrayList<>(evidence.subList(0, Math.min(NUMBERS_SHOWN, evidence.size())));
    if (evidence.size() > NUMBERS_SHOWN)
      shown.add("... " + (evidence.size() - NUMBERS_SHOWN) + " more (see the dkim section)");
    List<String> selectors = rs.stream().map(r -> r.signature().selector()).distinct().toList();
    String domainName = p.domain().isEmpty() ? "d= missing" : "d=" + p.domain();
    return Finding.of(
            FindingId.DKIM_SIGNATURE,
            p.status(),
            members.size()
                + " DKIM signatures: "
                + p.result().token()
                + ", "
                + p.reason()
                + " ("
                + domainName
                + ")")
        .detail(
            "Signatures "
                + numbers
                + " ("
                + describe(rs)
                + "): "
                + p.result().token()
                + ", "
                + p.reason()
                + ". Each is listed in the dkim section."
                + another)
        .remedy(remedy(first))
        .subject(
            p.domain().isEmpty()
                ? "signatures without d="
                : selectors.size() == 1 ? first.subject() : p.domain())
        .evidence(shown)
        .build();
  }

  /** d=, s=, a= and c= of one or more signatures, each value once. */
  private static String describe(List<SignatureResult> rs) {
    return "d="
        + values(rs, s -> s.domain())
        + ", s="
        + values(rs, DkimSignature::selector)
        + ", a="
        + values(rs, DkimSignature::algorithmToken)
        + ", c="
        + values(rs, DkimSignature::canonicalization);
  }

  private static String values(
      List<SignatureResult> rs, java.util.function.Function<DkimSignature, String> tag) {
    List<String> distinct = rs.stream().map(r -> tag.apply(r.signature())).distinct().toList();
    return distinct.size() <= NUMBERS_SHOWN
        ? String.join("|", distinct)
        : String.join("|", distinct.subList(0, NUMBERS_SHOWN)) + "|...";
  }

  private static String results(List<Integer> members, List<SignatureResult> all) {
    return members.stream()
        .map(i -> all.get(i).result().token())
        .distinct()
        .collect(Collectors.joining("/"));
  }

  /** A signature too broken to name its d= and s= is named by its position ("signature #1"). */
  private static String subject(SignatureResult r, int number) {
    DkimSignature s = r.signature();
    return s.domain().isEmpty() || s.selector().isEmpty() ? "signature #" + number : r.subject();
  }

  private static String titleName(SignatureResult r, int number) {
    DkimSignature s = r.signature();
    return s.domain().isEmpty() || s.selector().isEmpty() ? "#" + number : r.subject();
  }

  private static String evidence(SignatureResult r) {
    DkimSignature s = r.signature();
    return "dkim="
        + r.result().token()
        + " header.d="
        + s.domain()
        + " header.s="
        + s.selector()
        + " ("
        + r.reason()
        + ")";
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
