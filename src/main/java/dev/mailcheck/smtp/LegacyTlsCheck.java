package dev.mailcheck.smtp;

import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Does the server still accept TLS 1.0 or 1.1 (deprecated by RFC 8996)? The JDK refuses to offer
 * them, and BouncyCastle's JSSE provider honours the same JVM-wide {@code
 * jdk.tls.disabledAlgorithms} property, which we must not change for the whole process; so this
 * uses BouncyCastle's low-level TLS API (same bctls artifact), which has no such global switch.
 * Only the handshake runs; the certificate is not judged here (the main connection does that).
 */
final class LegacyTlsCheck {
  private LegacyTlsCheck() {}

  /** Handshakes over an already-prepared plain socket (after the greeting/STARTTLS when needed). */
  static LegacyTls handshake(Socket plain, long deadlineNanos) {
    var crypto = new BcTlsCrypto(new SecureRandom());
    var chosen = new AtomicReference<String>("TLS 1.0/1.1");
    var client =
        new DefaultTlsClient(crypto) {
          @Override
          protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv11.downTo(ProtocolVersion.TLSv10);
          }

          @Override
          public void notifyServerVersion(ProtocolVersion version) throws IOException {
            super.notifyServerVersion(version);
            chosen.set(version.getName());
          }

          @Override
          public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
              @Override
              public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                // not judged here
              }
            };
          }
        };
    try (var guard = Watchdog.arm(plain, deadlineNanos)) {
      plain.setSoTimeout((int) Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
      var protocol = new TlsClientProtocol(plain.getInputStream(), plain.getOutputStream());
      protocol.connect(client);
      String version = chosen.get();
      try {
        protocol.close();
      } catch (IOException e) {
        // the verdict is in
      }
      return new LegacyTls(
          true, Optional.of(version), "the server completed a " + version + " handshake", true);
    } catch (TlsFatalAlertReceived e) {
      return new LegacyTls(
          false,
          Optional.empty(),
          "refused with alert " + AlertDescription.getText(e.getAlertDescription()),
          true);
    } catch (IOException e) {
      if (System.nanoTime() - deadlineNanos >= 0) {
        return new LegacyTls(
            false,
            Optional.empty(),
            "no answer to a TLS 1.0/1.1 handshake before the deadline",
            false);
      }
      return new LegacyTls(
          false,
          Optional.empty(),
          "handshake offering only TLS 1.0/1.1 failed: " + e.getMessage(),
          true);
    }
  }
}
