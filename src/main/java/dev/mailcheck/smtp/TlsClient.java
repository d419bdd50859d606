package dev.mailcheck.smtp;

import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.RecordingTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The TLS handshake with the JDK provider. The trust manager accepts every chain and records it;
 * validation happens afterwards in {@link CertificateInspector}, so the report always has both the
 * chain and the verdict, and {@code insecure} only decides whether the session goes on.
 */
final class TlsClient {
  private final Clock clock;

  TlsClient(Clock clock) {
    this.clock = clock;
  }

  record Handshake(SSLSocket socket, TlsFacts facts, List<X509Certificate> chain) {}

  /**
   * Runs the handshake over {@code plain} within the deadline. On failure the exception carries the
   * facts seen so far (the chain, when the failure came after it).
   */
  Handshake handshake(Socket plain, ProbeRequest request, long deadlineNanos, Transcript transcript)
      throws ProbeException {
    var seen = new AtomicReference<X509Certificate[]>();
    SSLSocket tls;
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new RecordingTrustManager(seen)}, new SecureRandom());
      tls =
          (SSLSocket)
              ctx.getSocketFactory()
                  .createSocket(plain, request.certificateName(), request.port(), true);
      var params = tls.getSSLParameters();
      String name = request.certificateName();
      if (!InetAddresses.isLiteral(name) && name.contains(".")) {
        try {
          params.setServerNames(List.of(new SNIHostName(name)));
        } catch (IllegalArgumentException e) {
          // not a valid SNI name: send none
        }
      }
      tls.setSSLParameters(params);
    } catch (GeneralSecurityException | IOException e) {
      throw new ProbeException(
          Phase.TLS_HANDSHAKE,
          Failure.Kind.TLS_HANDSHAKE,
          "could not set up TLS: " + e.getMessage());
    }
    transcript.note("TLS handshake (SNI " + request.certificateName() + ")");
    // the watchdog closes the plain socket: closing an SSLSocket can block on its locks, which
    // would stall the one watchdog thread every probe shares
    try (var guard = Watchdog.arm(plain, deadlineNanos)) {
      long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
      tls.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      tls.startHandshake();
    } catch (IOException e) {
      boolean late = System.nanoTime() - deadlineNanos >= 0;
      String why =
          late ? "no handshake before the deadline" : "handshake failed: " + e.getMessage();
      transcript.note("TLS " + why);
      throw new ProbeException(
          Phase.TLS_HANDSHAKE, late ? Failure.Kind.TIMEOUT : Failure.Kind.TLS_HANDSHAKE, why);
    }
    var session = tls.getSession();
    List<X509Certificate> chain = new ArrayList<>();
    if (seen.get() != null) chain.addAll(List.of(seen.get()));
    TlsFacts facts = judge(session.getProtocol(), session.getCipherSuite(), chain, request);
    transcript.note(
        "TLS "
            + facts.protocol()
            + " "
            + facts.cipherSuite()
            + ", certificate "
            + facts.leaf().map(CertificateFacts::subject).orElse("none")
            + (facts.trusted() ? ", trusted" : ", NOT trusted: " + facts.trustProblem().orElse("?"))
            + (facts.nameMatches() ? "" : ", name " + facts.checkedName() + " does not match"));
    return new Handshake(tls, facts, chain);
  }

  TlsFacts judge(
      String protocol, String cipher, List<X509Certificate> chain, ProbeRequest request) {
    var now = clock.instant();
    List<X509Certificate> anchors =
        request.trustAnchors().orElseGet(CertificateInspector::systemAnchors);
    Optional<String> problem = CertificateInspector.validate(chain, anchors, now);
    boolean nameOk =
        !chain.isEmpty()
            && CertificateInspector.nameMatches(chain.get(0), request.certificateName());
    long days = chain.isEmpty() ? 0 : CertificateInspector.daysToExpiry(chain.get(0), now);
    return new TlsFacts(
        protocol,
        cipher,
        chain.stream().map(CertificateInspector::facts).toList(),
        problem.isEmpty(),
        problem,
        request.certificateName(),
        nameOk,
        days);
  }
}
