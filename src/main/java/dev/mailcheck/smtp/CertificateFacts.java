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
    String sha256) {
  public CertificateFacts {
    sans = List.copyOf(sans);
  }

  public boolean selfIssued() {
    return subject.equals(issuer);
  }
}
