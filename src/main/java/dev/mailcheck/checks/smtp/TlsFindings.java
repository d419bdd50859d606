package dev.mailcheck.checks.smtp;

import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.TlsFacts;
import dev.mailcheck.smtp.TlsMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TLS part of {@link SmtpEvaluator}: handshake, protocol version (RFC 8996), legacy versions,
 * certificate trust (RFC 5280), name (RFC 6125), key strength and expiry.
 */
final class TlsFindings {
  static final int EXPIRY_WARN_DAYS = 14;
  static final int EXPIRY_INFO_DAYS = 30;

  private TlsFindings() {}

  static Finding failure(FindingId id, Failure f, String subject, int port) {
    Status st = f.kind() == Failure.Kind.TIMEOUT ? Status.ERROR : Status.FAIL;
    return Finding.of(id, st, "The TLS handshake failed")
        .detail(f.detail() + ".")
        .remedy(
            port == 465
                ? "Port 465 expects TLS from the first byte (RFC 8314 §3.3); check that the service there runs implicit TLS (Postfix: smtpd_tls_wrappermode=yes)."
                : "Check the server's certificate, key and TLS protocol settings; test with: openssl s_client -starttls smtp -connect HOST:"
                    + port)
        .subject(subject)
        .build();
  }

  static void add(ProbeResult r, String subject, List<Finding> out, Switches sw) {
    TlsFacts t = r.tls().get();
    boolean sub = SmtpEvaluator.submission(r);
    boolean stopped = r.failure().filter(f -> f.kind() == Failure.Kind.CERTIFICATE).isPresent();
    if (r.tlsMode() == TlsMode.IMPLICIT) {
      out.add(
          Finding.of(FindingId.SMTP_TLS, Status.PASS, "Implicit TLS works")
              .detail(t.protocol() + ", " + t.cipherSuite())
              .subject(subject)
              .build());
    }
    boolean modern = t.protocol().equals("TLSv1.3") || t.protocol().equals("TLSv1.2");
    out.add(
        Finding.of(
                FindingId.SMTP_TLS_VERSION,
                modern ? Status.PASS : Status.FAIL,
                "Negotiated " + t.protocol())
            .detail(
                "Cipher suite "
                    + t.cipherSuite()
                    + "."
                    + (modern ? "" : " TLS below 1.2 is deprecated (RFC 8996)."))
            .remedy(modern ? null : "Enable TLS 1.2 and 1.3 on the server.")
            .subject(subject)
            .build());
    r.legacyTls()
        .ifPresent(
            l -> {
              if (!l.conclusive()) {
                out.add(
                    Finding.of(
                            FindingId.SMTP_TLS_LEGACY,
                            Status.INFO,
                            "Could not tell whether TLS 1.0/1.1 is accepted")
                        .detail(l.detail() + ".")
                        .subject(subject)
                        .build());
              } else if (l.accepted()) {
                out.add(
                    Finding.of(
                            FindingId.SMTP_TLS_LEGACY,
                            Status.WARN,
                            "The server still accepts " + l.protocol().orElse("TLS 1.0/1.1"))
                        .detail(
                            "A client offering only TLS 1.0/1.1 completed the handshake. Both are deprecated (RFC 8996) and weak.")
                        .remedy(
                            "Disable TLSv1 and TLSv1.1, e.g. Postfix: smtpd_tls_protocols = >=TLSv1.2 and smtpd_tls_mandatory_protocols = >=TLSv1.2.")
                        .subject(subject)
                        .build());
              } else {
                out.add(
                    Finding.of(
                            FindingId.SMTP_TLS_LEGACY, Status.PASS, "TLS 1.0 and 1.1 are refused")
                        .detail(l.detail() + ".")
                        .subject(subject)
                        .build());
              }
            });
    Status bad = sub ? Status.FAIL : Status.WARN;
    Optional<CertificateFacts> leaf = t.leaf();
    List<String> chainEvidence =
        t.chain().stream()
            .map(
                c ->
                    c.subject()
                        + "  (issuer "
                        + c.issuer()
                        + ", "
                        + c.keyAlgorithm()
                        + " "
                        + c.keyBits()
                        + ", until "
                        + c.notAfter()
                        + ")")
            .toList();
    if (t.trusted()) {
      out.add(
          Finding.of(FindingId.SMTP_CERTIFICATE, Status.PASS, "Certificate chain is trusted")
              .detail("Issued by " + leaf.map(CertificateFacts::issuer).orElse("?") + ".")
              .subject(subject)
              .evidence(chainEvidence)
              .build());
    } else {
      out.add(
          Finding.of(
                  FindingId.SMTP_CERTIFICATE,
                  bad,
                  "Certificate is not trusted"
                      + (stopped ? " (stopped; " + sw.insecure() + " goes on)" : ""))
              .detail(
                  t.trustProblem().orElse("validation failed")
                      + "."
                      + (stopped
                          ? " The TLS handshake itself completed; the probe stopped after it because submission clients verify the certificate. With "
                              + sw.insecure()
                              + " it goes on to see the rest."
                          : "")
                      + (sub
                          ? " Mail clients will refuse or warn."
                          : " TLS on port 25 is opportunistic: senders still deliver over it, unless the domain enforces TLS with an MTA-STS policy (RFC 8461) in enforce mode or DANE TLSA records."))
              .remedy(trustRemedy(t.trustProblem().orElse("")))
              .subject(subject)
              .evidence(chainEvidence)
              .build());
    }
    keyStrength(t, subject).ifPresent(out::add);
    if (leaf.isPresent()) {
      List<String> sans = leaf.get().sans();
      if (t.nameMatches()) {
        out.add(
            Finding.of(
                    FindingId.SMTP_CERTIFICATE_NAME,
                    Status.PASS,
                    "Certificate matches " + t.checkedName())
                .subject(subject)
                .build());
      } else {
        boolean stoppedHere = stopped && t.trusted();
        out.add(
            Finding.of(
                    FindingId.SMTP_CERTIFICATE_NAME,
                    bad,
                    "Certificate does not match "
                        + t.checkedName()
                        + (stoppedHere ? " (stopped; " + sw.insecure() + " goes on)" : ""))
                .detail(
                    "Names in the certificate: "
                        + (sans.isEmpty() ? leaf.get().subject() : String.join(", ", sans))
                        + "."
                        + (stoppedHere
                            ? " The TLS handshake itself completed; the probe stopped after it because submission clients check the name. With "
                                + sw.insecure()
                                + " it goes on to see the rest."
                            : ""))
                .remedy("Issue the certificate for " + t.checkedName() + " (as a subjectAltName).")
                .subject(subject)
                .build());
      }
      long d = t.daysToExpiry();
      String until = leaf.get().notAfter().toString();
      if (d < 0) {
        out.add(
            Finding.of(
                    FindingId.SMTP_CERTIFICATE_EXPIRY,
                    bad,
                    "Certificate expired on " + until.substring(0, 10))
                .detail(
                    "notAfter "
                        + until
                        + "."
                        + (sub
                            ? ""
                            : " On port 25 senders still deliver over it (opportunistic TLS), unless the domain enforces TLS with MTA-STS in enforce mode or DANE."))
                .remedy("Renew the certificate and reload the server.")
                .subject(subject)
                .build());
      } else if (d < EXPIRY_WARN_DAYS) {
        out.add(
            Finding.of(
                    FindingId.SMTP_CERTIFICATE_EXPIRY,
                    Status.WARN,
                    "Certificate expires in " + d + " day(s)")
                .detail("notAfter " + until + ".")
                .remedy("Renew now; check that automatic renewal also reloads the mail server.")
                .subject(subject)
                .build());
      } else {
        out.add(
            Finding.of(
                    FindingId.SMTP_CERTIFICATE_EXPIRY,
                    d < EXPIRY_INFO_DAYS ? Status.INFO : Status.PASS,
                    "Certificate valid for " + d + " more day(s)")
                .detail("notAfter " + until + ".")
                .subject(subject)
                .build());
      }
    }
  }

  /**
   * Weak keys and signatures in the chain the server sent: RSA/DSA below 2048 bits, EC below 256,
   * SHA-1 or MD5 signatures (CA/Browser Forum baseline; NIST SP 800-131A). Self-signed roots are
   * skipped: their signature is never checked.
   */
  static Optional<Finding> keyStrength(TlsFacts t, String subject) {
    var problems = new ArrayList<String>();
    for (CertificateFacts c : t.chain()) {
      String alg = c.keyAlgorithm();
      boolean weakKey =
          (alg.equals("RSA") || alg.equals("DSA")) && c.keyBits() > 0 && c.keyBits() < 2048
              || alg.equals("EC") && c.keyBits() > 0 && c.keyBits() < 256;
      if (weakKey) problems.add(c.subject() + ": " + alg + " " + c.keyBits() + " bits");
      String sig = c.signatureAlgorithm().toUpperCase(java.util.Locale.ROOT);
      if (!c.selfIssued() && (sig.startsWith("SHA1") || sig.contains("MD5")))
        problems.add(c.subject() + ": signed with " + c.signatureAlgorithm());
    }
    if (t.chain().isEmpty()) return Optional.empty();
    if (problems.isEmpty()) {
      CertificateFacts leaf = t.chain().get(0);
      return Optional.of(
          Finding.of(
                  FindingId.SMTP_CERTIFICATE_KEY,
                  Status.PASS,
                  "Key "
                      + leaf.keyAlgorithm()
                      + " "
                      + leaf.keyBits()
                      + ", "
                      + leaf.signatureAlgorithm())
              .subject(subject)
              .build());
    }
    return Optional.of(
        Finding.of(
                FindingId.SMTP_CERTIFICATE_KEY,
                Status.WARN,
                "Weak key or signature in the certificate chain")
            .detail(
                "RSA keys under 2048 bits, EC under 256 bits and SHA-1/MD5 signatures are breakable or rejected by current clients.")
            .remedy("Reissue with RSA 2048+ or ECDSA P-256+ and a SHA-256 signature.")
            .subject(subject)
            .evidence(problems)
            .build());
  }

  /**
   * The fix for an untrusted certificate, by what is wrong with it: an expired one is renewed, a
   * self-signed one replaced; only a broken chain needs the chain advice (issue 11 #15: exact
   * remedies).
   */
  static String trustRemedy(String problem) {
    if (problem.contains("expired"))
      return "Renew the certificate and reload the server (e.g. certbot renew, then postfix reload).";
    if (problem.contains("not valid before"))
      return "The certificate is not valid yet: check the server's clock, or install a certificate whose validity has begun.";
    if (problem.contains("self-signed"))
      return "Replace the self-signed certificate with one from a public CA (e.g. Let's Encrypt), served with its intermediates.";
    return "Serve a certificate from a public CA with the full chain (leaf first, then intermediates), e.g. Postfix smtpd_tls_chain_files.";
  }
}
