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
}
