package dev.mailcheck.smtp.testserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A blackholed address on loopback: a listener that never accepts, its accept queue filled, so the
 * kernel drops further SYNs (or completes them and nothing is ever said). Stands in for a filtered
 * remote host without sending a packet off the machine.
 */
public final class BlackholedListener implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> fillers = new ArrayList<>();

  private BlackholedListener(ServerSocket server) {
    this.server = server;
  }

  public static BlackholedListener start() throws IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    BlackholedListener b = new BlackholedListener(s);
    for (int i = 0; i < 8; i++) {
      Socket f = new Socket();
      try {
        f.connect(s.getLocalSocketAddress(), 100);
        b.fillers.add(f);
      } catch (IOException e) {
        f.close();
        break; // the queue is full
      }
    }
    return b;
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket f : fillers) f.close();
    server.close();
  }
}
