package dev.mailcheck.internal;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client-side trust manager that accepts every server chain and keeps it, so that the chain is
 * validated after the handshake with a verdict mailcheck can report (SMTP probe, HTTPS fetcher)
 * instead of a handshake that fails with no facts. It never sends or checks client certificates.
 */
public final class RecordingTrustManager extends X509ExtendedTrustManager {
  private final AtomicReference<X509Certificate[]> seen;

  /**
   * @param seen where the server's chain is kept, as the server sent it
   */
  public RecordingTrustManager(AtomicReference<X509Certificate[]> seen) {
    this.seen = seen;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    seen.set(chain.clone());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    seen.set(chain.clone());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    seen.set(chain.clone());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    throw new UnsupportedOperationException("client side only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    throw new UnsupportedOperationException("client side only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    throw new UnsupportedOperationException("client side only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
