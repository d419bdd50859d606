package dev.mailcheck.smtp;

import java.time.Instant;
import java.util.List;

/**
 * One certificate of the chain the server sent, as plain values.
 *
 * @param subject RFC 2253 form
 * @param sans subjectAltName entries as {@code DNS:name} / {@code IP:address}
 * @param keyBits RSA modulus length, EC field size, 255/448 for EdDSA; 0 when unknown
 * @param sha256 fingerprint, lower-case hex
 * @param der the certificate as the server sent it (DER, base64), for DANE matching with selector 0
 *     (RFC 6698 §2.1.2); empty when unknown
 * @param spki its SubjectPublicKeyInfo (DER, base64), for selector 1; empty when unknown
 */
public record CertificateFacts(
    String subject,
    String issuer,
    List<String> sans,
    Instant notBefore,
    Instant notAfter,
    String keyAlgorithm,
    int keyBits,
    String signatureAlgorithm,
    String sha256,
    String der,
    String spki) {
  public CertificateFacts {
    sans = List.copyOf(sans);
    der = der == null ? "" : der;
    spki = spki == null ? "" : spki;
  }

  /** Without the encodings (fixtures that match no TLSA record). */
  public CertificateFacts(
      String subject,
      String issuer,
      List<String> sans,
      Instant notBefore,
      Instant notAfter,
      String keyAlgorithm,
      int keyBits,
      String signatureAlgorithm,
      String sha256) {
    this(
        subject,
        issuer,
        sans,
        notBefore,
        notAfter,
        keyAlgorithm,
        keyBits,
        signatureAlgorithm,
        sha256,
        "",
        "");
  }

  public boolean selfIssued() {
    return subject.equals(issuer);
  }
}
