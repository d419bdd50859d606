package dev.mailcheck.smtp.testserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback SMTP server whose every connection runs a {@link Script}. Hostile behaviour (tarpits,
 * drips, endless continuations, garbage) is just another script. Each connection runs on a virtual
 * thread; {@link #close()} closes the listener and every open connection, which unblocks scripts.
 *
 * <pre>{@code
 * try (var server = ScriptedSmtpServer.start(s -> { s.send("220 hi"); s.readLine(); s.close(); })) {
 *   probe(server.port());
 * }
 * }</pre>
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket listener;
  private final Script script;
  private final SSLContext implicitTls;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  /** What the server does with one connection. Exceptions end the connection quietly. */
  @FunctionalInterface
  public interface Script {
    void run(Session s) throws Exception;
  }

  private ScriptedSmtpServer(Script script, SSLContext implicitTls, InetAddress bind)
      throws IOException {
    this.listener = new ServerSocket(0, 50, bind);
    this.script = script;
    this.implicitTls = implicitTls;
    this.acceptor = Thread.ofPlatform().daemon().name("smtp-test-acceptor").start(this::acceptLoop);
  }

  public static ScriptedSmtpServer start(Script script) throws IOException {
    return new ScriptedSmtpServer(script, null, InetAddress.getLoopbackAddress());
  }

  /** Listens on another loopback address, e.g. {@code ::1} or {@code 127.0.0.2}. */
  public static ScriptedSmtpServer startOn(InetAddress loopback, Script script) throws IOException {
    if (!loopback.isLoopbackAddress())
      throw new IllegalArgumentException("loopback only: " + loopback);
    return new ScriptedSmtpServer(script, null, loopback);
  }

  /** Implicit TLS (port 465 style): the handshake happens before the script runs. */
  public static ScriptedSmtpServer startImplicitTls(Script script, SSLContext tls)
      throws IOException {
    return new ScriptedSmtpServer(script, tls, InetAddress.getLoopbackAddress());
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code 127.0.0.1:PORT} or {@code [::1]:PORT}, as the CLI takes it. */
  public String hostPort() {
    InetAddress a = listener.getInetAddress();
    return (a instanceof java.net.Inet6Address
            ? "[" + a.getHostAddress().replaceAll("%.*$", "") + "]"
            : a.getHostAddress())
        + ":"
        + port();
  }

  /** Every line the clients sent, in order, across connections. */
  public List<String> received() {
    return List.copyOf(received);
  }

  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        connections.incrementAndGet();
        open.add(s);
        Thread.ofVirtual().start(() -> handle(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket s) {
    Session session = null;
    try {
      Socket active = s;
      if (implicitTls != null) {
        SSLSocket tls =
            (SSLSocket) implicitTls.getSocketFactory().createSocket(s, null, s.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        active = tls;
      }
      session = new Session(active, received);
      script.run(session);
    } catch (Exception e) {
      // the client went away or the script ended the connection; both are fine in a test
    } finally {
      try {
        if (session != null) session.socket.close();
        s.close();
      } catch (IOException e) {
        // closed
      }
      open.remove(s);
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closed
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closed
      }
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One connection as a script sees it. Reads block until the client sends or the server closes.
   */
  public static final class Session {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final List<String> received;
    private boolean tls;

    Session(Socket socket, List<String> received) throws IOException {
      this.received = received;
      use(socket);
      this.tls = socket instanceof SSLSocket;
    }

    private void use(Socket s) throws IOException {
      socket = s;
      in = s.getInputStream();
      out = s.getOutputStream();
    }

    /** Sends one line, CRLF appended. */
    public void send(String line) throws IOException {
      sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** The next line from the client without its line end, or null at end of stream. */
    public String readLine() throws IOException {
      var buf = new ByteArrayOutputStream();
      while (true) {
        int b = in.read();
        if (b < 0) return null;
        if (b == '\n') break;
        if (buf.size() > 100_000) throw new IOException("client line too long");
        buf.write(b);
      }
      String line = buf.toString(StandardCharsets.UTF_8);
      if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
      received.add(line);
      return line;
    }

    /** Exactly {@code n} bytes from the client (BDAT, RFC 3030), or fewer at end of stream. */
    public byte[] readBytes(int n) throws IOException {
      return in.readNBytes(n);
    }

    /** Server side of STARTTLS: handshake on the current socket. */
    public void startTls(SSLContext ctx) throws IOException {
      SSLSocket s =
          (SSLSocket) ctx.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
      s.setUseClientMode(false);
      s.startHandshake();
      use(s);
      tls = true;
    }

    public boolean isTls() {
      return tls;
    }

    /** Blocks until the client closes (or the server is closed): a tarpit. */
    public void hold() throws IOException {
      while (in.read() >= 0) {
        // swallow
      }
    }

    public void close() throws IOException {
      socket.close();
    }

    public Socket socket() {
      return socket;
    }
  }

  /**
   * Reads lines until EOF, refusing nothing and answering nothing: for scripts that stop talking.
   */
  static void drain(Session s) throws IOException {
    try {
      while (s.readLine() != null) {
        // ignore
      }
    } catch (SocketException e) {
      // closed
    }
  }
}
