package dev.mailcheck.https;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A hand-rolled HTTPS server on 127.0.0.1 for tests, hostile on demand: each connection's request
 * head is read, then the {@link Handler} writes whatever bytes it likes (a redirect, 2 MB, one byte
 * a second, no HTTP at all). Handshakes that fail (the client refused the certificate) are counted
 * but do not stop the server.
 */
public final class TestHttpsServer implements AutoCloseable {
  @FunctionalInterface
  public interface Handler {
    void handle(String requestHead, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  private TestHttpsServer(SSLContext tls, Handler handler) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    pool.submit(
        () -> {
          while (!server.isClosed()) {
            Socket plain;
            try {
              plain = server.accept();
            } catch (IOException e) {
              return;
            }
            connections.incrementAndGet();
            pool.submit(() -> serve(tls, plain, handler));
          }
        });
  }

  public static TestHttpsServer start(SSLContext tls, Handler handler) throws IOException {
    return new TestHttpsServer(tls, handler);
  }

  /** A server answering every GET with 200 and {@code body} as {@code contentType}. */
  public static TestHttpsServer serving(SSLContext tls, String contentType, byte[] body)
      throws IOException {
    return start(tls, (head, out) -> respond(out, 200, "OK", contentType, body));
  }

  private void serve(SSLContext tls, Socket plain, Handler handler) {
    try (plain;
        SSLSocket s =
            (SSLSocket)
                tls.getSocketFactory()
                    .createSocket(
                        plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true)) {
      s.setUseClientMode(false);
      s.setSoTimeout(10_000);
      s.startHandshake();
      String head = readHead(s.getInputStream());
      if (head.isEmpty()) return; // the client closed after the handshake (refused the certificate)
      requests.add(head);
      OutputStream out = s.getOutputStream();
      handler.handle(head, out);
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client went away or refused us: fine for hostile tests
    }
  }

  private static String readHead(InputStream in) throws IOException {
    var b = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int c = in.read();
      if (c < 0) break;
      b.write(c);
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  public static void respond(OutputStream out, int status, String reason, String type, byte[] body)
      throws IOException {
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The request heads received (after a completed handshake). */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** TCP connections accepted, handshakes completed or not. */
  public int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
