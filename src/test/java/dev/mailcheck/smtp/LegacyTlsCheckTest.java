package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

/** The TLS 1.0/1.1 acceptance check: refused by a modern JDK server, accepted by a legacy one. */
class LegacyTlsCheckTest {
  @Test
  void modernServerRefusesLegacyTlsOnASecondConnection() throws Exception {
    var pki = TestPki.create();
    var cert = pki.issue("localhost", List.of("127.0.0.1"), 30);
    try (var server =
        ScriptedSmtpServer.startImplicitTls(new StandardSmtp(), cert.serverContext())) {
      var req =
          ProbeRequest.builder("127.0.0.1", server.port())
              .tlsMode(TlsMode.IMPLICIT)
              .trustAnchors(List.of(pki.ca()))
              .timeout(Duration.ofSeconds(2))
              .legacyTlsCheck(true)
              .build();
      ProbeResult r = new SocketSmtpProbe(null).probe(req);
      LegacyTls legacy = r.legacyTls().orElseThrow();
      assertThat(legacy.conclusive()).isTrue();
      assertThat(legacy.accepted()).isFalse();
      assertThat(r.timing(Phase.LEGACY_TLS)).isPresent();
    }
  }

  @Test
  void legacyServerIsDetected() throws Exception {
    var pki = TestPki.create();
    var cert = pki.issue("localhost", List.of("127.0.0.1"), 30);
    try (var listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = Thread.ofVirtual().start(() -> serveTls11(listener, cert));
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        LegacyTls legacy =
            LegacyTlsCheck.handshake(s, System.nanoTime() + Duration.ofSeconds(3).toNanos());
        assertThat(legacy.accepted()).as(legacy.detail()).isTrue();
        assertThat(legacy.protocol()).contains("TLS 1.1");
      }
      t.join(3000);
    }
  }

  /** A server that only speaks TLS 1.0/1.1, built on BouncyCastle's low-level API. */
  private static void serveTls11(ServerSocket listener, TestPki.Issued cert) {
    try (Socket s = listener.accept()) {
      var crypto = new BcTlsCrypto(new SecureRandom());
      var server =
          new DefaultTlsServer(crypto) {
            @Override
            protected ProtocolVersion[] getSupportedVersions() {
              return ProtocolVersion.TLSv11.downTo(ProtocolVersion.TLSv10);
            }

            @Override
            protected int[] getSupportedCipherSuites() {
              return new int[] {
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
              };
            }

            @Override
            protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
              TlsCertificate tc;
              try {
                tc = crypto.createCertificate(cert.leaf().getEncoded());
              } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
              }
              return new BcDefaultTlsCredentialedSigner(
                  new TlsCryptoParameters(context),
                  crypto,
                  PrivateKeyFactory.createKey(cert.key().getPrivate().getEncoded()),
                  new Certificate(new TlsCertificate[] {tc}),
                  null);
            }
          };
      var protocol = new TlsServerProtocol(s.getInputStream(), s.getOutputStream());
      protocol.accept(server);
      protocol.getInputStream().read();
    } catch (Exception e) {
      // the client closes after the handshake
    }
  }
}
