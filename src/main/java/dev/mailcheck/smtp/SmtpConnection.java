package dev.mailcheck.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection speaking SMTP: commands out, bounded replies in, everything in the transcript.
 * After a TLS upgrade the reader is replaced, so nothing buffered in plaintext is read as if it
 * came over TLS (RFC 3207 §4.2 / the STARTTLS injection class of bugs).
 */
final class SmtpConnection implements AutoCloseable {
  private final Socket raw;
  private final long timeoutNanos;
  private final Transcript transcript;
  private Socket socket;
  private OutputStream out;
  private ReplyReader reader;

  SmtpConnection(Socket raw, Duration timeout, Transcript transcript) throws IOException {
    this.raw = raw;
    this.timeoutNanos = timeout.toNanos();
    this.transcript = transcript;
    use(raw);
  }

  private void use(Socket s) throws IOException {
    socket = s;
    out = s.getOutputStream();
    reader = new ReplyReader(s.getInputStream(), s, transcript);
  }

  Socket socket() {
    return socket;
  }

  Socket raw() {
    return raw;
  }

  long deadline() {
    return System.nanoTime() + timeoutNanos;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  Transcript transcript() {
    return transcript;
  }

  /** Reads one reply, e.g. the greeting, within the timeout. */
  Reply read(Phase phase) throws ProbeException {
    return readReply(phase, deadline());
  }

  /**
   * On a plain socket the reader's per-read timeout (what is left of the deadline) bounds the
   * reply. A TLS socket reads whole records and restarts the socket timeout on every underlying
   * read, so a server dripping a record one byte at a time would never time out: a watchdog closes
   * the raw socket at the deadline, which ends the blocked read at once.
   */
  private Reply readReply(Phase phase, long deadline) throws ProbeException {
    if (!(socket instanceof SSLSocket)) return reader.read(phase, deadline);
    try (var guard = Watchdog.arm(raw, deadline)) {
      return reader.read(phase, deadline);
    }
  }

  Reply command(Phase phase, String line) throws ProbeException {
    return command(phase, line, line);
  }

  /** Sends {@code wire}, records {@code shown} (the redacted form), and reads the reply. */
  Reply command(Phase phase, String wire, String shown) throws ProbeException {
    long deadline = deadline();
    send(phase, wire, shown, deadline);
    return readReply(phase, deadline);
  }

  private void send(Phase phase, String wire, String shown, long deadline) throws ProbeException {
    transcript.client(shown);
    try (var guard = Watchdog.arm(raw, deadline)) {
      out.write((wire + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new ProbeException(
          phase,
          Failure.Kind.CLOSED,
          "could not send " + shown.split(" ")[0] + ": " + e.getMessage());
    }
  }

  /**
   * Sends several commands in one write (PIPELINING, RFC 2920 §3.1); the caller reads the replies
   * in order with {@link #read}.
   */
  void pipeline(Phase phase, List<String> lines) throws ProbeException {
    var wire = new StringBuilder();
    for (String l : lines) {
      transcript.client(l);
      wire.append(l).append("\r\n");
    }
    write(phase, wire.toString().getBytes(StandardCharsets.UTF_8), lines.get(0));
  }

  /**
   * Writes message bytes, each block under its own deadline so that a server that stops reading
   * cannot hold the client past {@code --timeout} without progress.
   */
  void write(Phase phase, byte[] data, String what) throws ProbeException {
    int block = 64 * 1024;
    for (int off = 0; off < data.length || off == 0; off += block) {
      int len = Math.min(block, data.length - off);
      try (var guard = Watchdog.arm(raw, deadline())) {
        out.write(data, off, len);
        out.flush();
      } catch (IOException e) {
        throw new ProbeException(
            phase,
            Failure.Kind.CLOSED,
            "could not send " + what.split(" ")[0] + ": " + e.getMessage());
      }
      if (data.length == 0) break;
    }
  }

  /** Bytes the server sent that were not read yet. */
  int unreadBytes() {
    return reader.buffered();
  }

  void upgrade(SSLSocket tls) throws IOException {
    use(tls);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
    try {
      raw.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
