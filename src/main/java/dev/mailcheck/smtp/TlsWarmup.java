package dev.mailcheck.smtp;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Start-up work for the first TLS handshake of a JVM, done on a background thread while the probe
 * still waits on DNS, TCP and the SMTP greeting. In a fresh JVM the first handshake otherwise pays
 * for provider and SecureRandom set-up, the JSSE handshake classes, key-share generation in cold
 * code, loading the JDK trust store and the first PKIX path build (together 0.3 s or more on a
 * small machine; a warm handshake takes a few ms). Nothing here touches the network: the JSSE part
 * produces a ClientHello into a buffer with an {@link SSLEngine}, the BouncyCastle part (the legacy
 * TLS 1.0/1.1 check) a ClientHello with its non-blocking {@link TlsClientProtocol}, and the PKIX
 * part validates an RSA root of the trust store against the store. Every failure is ignored: the
 * real handshake does the same work again and reports its own errors.
 */
public final class TlsWarmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private TlsWarmup() {}

  /** Starts the warm-up on a daemon thread, once per JVM; later calls do nothing. */
  public static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("mailcheck-tls-warmup").start(TlsWarmup::run);
    }
  }

  /**
   * The warm-up on the calling thread (the start-up cache training uses it to record these
   * classes).
   */
  public static void run() {
    try {
      jsse();
    } catch (Exception | LinkageError e) {
      // best effort
    }
    try {
      List<X509Certificate> anchors = CertificateInspector.systemAnchors();
      // an RSA root: most chains end in one; an EC signature check in cold code costs 0.1 s
      anchors.stream()
          .filter(a -> a.getPublicKey().getAlgorithm().equals("RSA"))
          .findFirst()
          .ifPresent(a -> CertificateInspector.validate(List.of(a), anchors, Instant.now()));
    } catch (RuntimeException e) {
      // best effort
    }
    try {
      bouncyCastle();
    } catch (Exception | LinkageError e) {
      // best effort
    }
  }

  private static void jsse() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new AcceptNothing()}, new SecureRandom());
    SSLEngine engine = ctx.createSSLEngine("warmup.invalid", 25);
    engine.setUseClientMode(true);
    engine.beginHandshake();
    ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    engine.wrap(ByteBuffer.allocate(0), out); // the ClientHello, with its key shares
    engine.closeOutbound();
  }

  private static void bouncyCastle() throws Exception {
    var client =
        new DefaultTlsClient(new BcTlsCrypto(new SecureRandom())) {
          @Override
          protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv11.downTo(ProtocolVersion.TLSv10);
          }

          @Override
          public TlsAuthentication getAuthentication() {
            throw new UnsupportedOperationException("warm-up only");
          }
        };
    var protocol = new TlsClientProtocol();
    protocol.connect(client);
    byte[] hello = new byte[protocol.getAvailableOutputBytes()];
    protocol.readOutput(hello, 0, hello.length);
  }

  /** Never asked: the warm-up handshake stops after its ClientHello. */
  private static final class AcceptNothing implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("warm-up only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("warm-up only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
