package dev.mailcheck.smtp;

import java.util.List;
import java.util.Optional;

/**
 * What the TLS handshake showed. The chain is recorded whatever the verdict (a trust-all manager
 * records it during the handshake; validation runs afterwards), so an untrusted or mismatched
 * certificate is still described.
 *
 * @param chain leaf first, as the server sent it; empty when the handshake failed before it
 * @param trusted a path from the leaf to a trust anchor (system store or {@code --ca-file}) was
 *     built and validated at the probe's time (RFC 5280 §6)
 * @param trustProblem why not, in words, when not trusted
 * @param checkedName the name matched against the certificate (the probed host, or the MX name)
 * @param nameMatches RFC 6125 §6 match of {@code checkedName} against the leaf
 * @param daysToExpiry whole days until the leaf's notAfter; negative when expired
 */
public record TlsFacts(
    String protocol,
    String cipherSuite,
    List<CertificateFacts> chain,
    boolean trusted,
    Optional<String> trustProblem,
    String checkedName,
    boolean nameMatches,
    long daysToExpiry) {
  public TlsFacts {
    chain = List.copyOf(chain);
  }

  public Optional<CertificateFacts> leaf() {
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
  }

  /**
   * These facts as a client that expects the certificate to name {@code name} would judge them: the
   * same chain and handshake, the name check redone for {@code name} (RFC 6125) from the leaf the
   * server sent. For an address that two MX names share, probed once.
   */
  public TlsFacts forName(String name) {
    if (name.equalsIgnoreCase(checkedName)) return this;
    boolean matches = false;
    if (!chain.isEmpty() && !chain.get(0).der().isEmpty()) {
      try {
        var leaf =
            (java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                        new java.io.ByteArrayInputStream(
                            java.util.Base64.getDecoder().decode(chain.get(0).der())));
        matches = CertificateInspector.nameMatches(leaf, name);
      } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
        matches = false;
      }
    }
    return new TlsFacts(
        protocol, cipherSuite, chain, trusted, trustProblem, name, matches, daysToExpiry);
  }
}
