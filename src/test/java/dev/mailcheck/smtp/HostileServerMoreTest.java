package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * More hostile servers (second review): slow 8 KiB continuation lines, reply codes that are not
 * three digits, handshakes that never finish, garbage after the STARTTLS 220, and a TLS server that
 * drips its records so that no single socket read ever times out.
 */
class HostileServerMoreTest {
  static final Duration TIMEOUT = Duration.ofMillis(400);

  /**
   * A TLS handshake on a loaded 2-core machine can take a while; only the hostile part uses
   * TIMEOUT.
   */
  static final Duration TLS_TIMEOUT = Duration.ofMillis(2500);

  static TestPki.Issued cert;

  @BeforeAll
  static void pki() {
    cert = TestPki.create().issue("localhost", List.of("127.0.0.1"), 30);
  }

  private static ProbeResult probe(int port, TlsMode mode, Duration timeout) {
    var req =
        ProbeRequest.builder("127.0.0.1", port)
            .timeout(timeout)
            .tlsMode(mode)
            .insecure(true)
            .build();
    long start = System.nanoTime();
    ProbeResult r = new SocketSmtpProbe(null).probe(req);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(ms)
        .as("probe duration; transcript:\n" + String.join("\n", r.transcript()))
        .isLessThan(3 * timeout.toMillis() + 1000);
    return r;
  }

  private static ProbeResult probe(ScriptedSmtpServer.Script script) throws IOException {
    try (var server = ScriptedSmtpServer.start(script)) {
      return probe(server.port(), TlsMode.OPPORTUNISTIC, TIMEOUT);
    }
  }

  private static void ehloOk(ScriptedSmtpServer.Session s) throws IOException {
    s.send("220 ok");
    s.readLine();
    s.send("250-mx\r\n250 STARTTLS");
    s.readLine(); // STARTTLS
  }

  /**
   * 8 KiB continuation lines, each sent well within a read timeout: the whole reply still ends at
   * --timeout from EHLO.
   */
  @Test
  void slowMaximalContinuationLinesEndAtTheDeadlineOfTheCommand() throws Exception {
    byte[] line =
        ("250-" + "x".repeat(Limits.REPLY_LINE - 4) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              while (true) {
                for (int off = 0; off < line.length; off += 1024) {
                  s.sendRaw(
                      java.util.Arrays.copyOfRange(line, off, Math.min(line.length, off + 1024)));
                  Thread.sleep(25); // ~200 ms per line, each chunk far inside the read timeout
                }
              }
            });
    Failure f = r.failure().orElseThrow();
    assertThat(f.phase()).isEqualTo(Phase.EHLO);
    assertThat(f.kind()).isIn(Failure.Kind.TIMEOUT, Failure.Kind.REPLY_TOO_LARGE);
    assertThat(r.timing(Phase.EHLO).orElseThrow().millis()).isLessThan(TIMEOUT.toMillis() + 300);
  }

  /**
   * A complete 250, then junk continuation lines forever: read as the next reply (QUIT), which ends
   * at its own deadline.
   */
  @Test
  void unsolicitedEndlessContinuationAfterACompleteReplyIsBounded() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              s.send("250 mx");
              while (true) {
                s.send("250-" + "y".repeat(8000));
                Thread.sleep(150);
              }
            });
    assertThat(r.ehlo()).isPresent();
    assertThat(r.timing(Phase.QUIT).map(PhaseTiming::millis).orElse(0L))
        .isLessThan(TIMEOUT.toMillis() + 300);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2200 four digits",
        "22 two digits",
        "22O letter O",
        "220hi no separator",
        "099 below 200",
        "600 above 599",
        "-220 sign",
        " 220 leading space",
        "２２０ fullwidth digits",
        "220\tTAB separator"
      })
  void greetingWhoseCodeIsNotThreeDigitsIsMalformed(String greeting) throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send(greeting);
              s.hold();
            });
    Failure f = r.failure().orElseThrow();
    assertThat(f.phase()).isEqualTo(Phase.BANNER);
    assertThat(f.kind()).isEqualTo(Failure.Kind.MALFORMED_REPLY);
    assertThat(r.banner()).isEmpty();
  }

  @Test
  void bareCodeWithoutTextIsAValidReply() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220");
              s.readLine();
              s.send("250");
              s.readLine();
              s.send("221");
            });
    assertThat(r.failure()).isEmpty();
    assertThat(r.banner().orElseThrow().code()).isEqualTo(220);
  }

  @Test
  void continuationWhoseCodeChangesIsMalformed() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              s.send("250-mx\r\n251-two\r\n250 end");
              s.hold();
            });
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.MALFORMED_REPLY);
    assertThat(r.failure().orElseThrow().detail()).contains("250").contains("251");
  }

  /** STARTTLS 220, then silence: the handshake ends at the deadline, as a handshake timeout. */
  @Test
  void startTlsAcceptedThenNoHandshakeEndsAtTheDeadline() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              ehloOk(s);
              s.send("220 go ahead");
              s.hold();
            });
    assertThat(r.startTls()).isEqualTo(StartTls.HANDSHAKE_FAILED);
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
  }

  /**
   * A handshake kept alive by dripping a TLS record header byte by byte: no single read times out,
   * the watchdog ends it.
   */
  @Test
  void handshakeDrippedByteByByteEndsAtTheDeadline() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              ehloOk(s);
              s.send("220 go ahead");
              // a ServerHello record header announcing 16 KiB, then one byte every 50 ms
              s.sendRaw(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
              while (true) {
                s.sendRaw(new byte[] {0x02});
                Thread.sleep(50);
              }
            });
    assertThat(r.startTls()).isEqualTo(StartTls.HANDSHAKE_FAILED);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
    PhaseTiming t = r.timing(Phase.TLS_HANDSHAKE).orElseThrow();
    assertThat(t.ok()).isFalse();
    assertThat(t.millis()).isLessThan(TIMEOUT.toMillis() + 300);
  }

  /**
   * STARTTLS 220 followed by binary garbage instead of a handshake: a handshake failure, promptly,
   * not a hang.
   */
  @ParameterizedTest(name = "delay {0} ms")
  @ValueSource(ints = {0, 80})
  void garbageAfterStartTls220IsAHandshakeFailure(int delayMs) throws Exception {
    byte[] garbage = new byte[2048];
    new Random(7).nextBytes(garbage);
    garbage[0] = 'Z'; // not a TLS content type
    ProbeResult r =
        probe(
            s -> {
              ehloOk(s);
              if (delayMs == 0) {
                var both = new java.io.ByteArrayOutputStream();
                both.write("220 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                both.write(garbage);
                s.sendRaw(both.toByteArray());
              } else {
                s.send("220 go ahead");
                Thread.sleep(delayMs);
                s.sendRaw(garbage);
              }
              s.hold();
            });
    assertThat(r.startTls()).isEqualTo(StartTls.HANDSHAKE_FAILED);
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(r.failure().orElseThrow().kind())
        .isIn(Failure.Kind.TLS_HANDSHAKE, Failure.Kind.TIMEOUT);
    assertThat(r.ehloTls()).isEmpty();
    assertThat(r.transcript()).noneMatch(l -> l.chars().anyMatch(c -> c < 0x20 && c != '\t'));
  }

  /**
   * After the handshake, the server drips its TLS records one byte every 20 ms through a proxy. The
   * TLS socket's read timeout restarts on every byte, so only a deadline for the whole reply (the
   * watchdog) ends the banner read at --timeout rather than after minutes.
   */
  @Test
  void tlsRecordsDrippedAfterTheHandshakeEndAtTheDeadline() throws Exception {
    var drip = new AtomicBoolean();
    try (var server =
            ScriptedSmtpServer.startImplicitTls(
                s -> {
                  drip.set(true);
                  Thread.sleep(100);
                  s.send("220 " + "z".repeat(4000));
                  s.hold();
                },
                cert.serverContext());
        var proxy = new DripProxy(server.port(), drip)) {
      var req =
          ProbeRequest.builder("127.0.0.1", proxy.port())
              .timeout(TLS_TIMEOUT)
              .tlsMode(TlsMode.IMPLICIT)
              .insecure(true)
              .build();
      long start = System.nanoTime();
      ProbeResult r = new SocketSmtpProbe(null).probe(req);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(ms).as(String.join("\n", r.transcript())).isLessThan(3 * TLS_TIMEOUT.toMillis());
      if (r.tls().isEmpty()) {
        // the handshake itself did not finish in time on this machine: nothing to learn here
        org.junit.jupiter.api.Assumptions.abort("handshake did not complete: " + r.failure());
      }
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.BANNER);
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
    }
  }

  /**
   * Relays loopback TCP; once {@code drip} is set, the server-to-client direction goes one byte per
   * 20 ms.
   */
  static final class DripProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

    DripProxy(int backendPort, AtomicBoolean drip) throws IOException {
      listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  Socket client = listener.accept();
                  Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                  open.add(client);
                  open.add(backend);
                  InputStream fromClient = client.getInputStream();
                  OutputStream toBackend = backend.getOutputStream();
                  Thread.ofVirtual().start(() -> pump(fromClient, toBackend, null));
                  pump(backend.getInputStream(), client.getOutputStream(), drip);
                } catch (IOException e) {
                  // closed
                }
              });
    }

    private static void pump(InputStream in, OutputStream out, AtomicBoolean drip) {
      try {
        int b;
        while ((b = in.read()) >= 0) {
          if (drip != null && drip.get()) {
            Thread.sleep(20);
          }
          out.write(b);
          if (drip == null || drip.get() || in.available() == 0) out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // closed
      }
    }

    int port() {
      return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      listener.close();
      for (Socket s : open) s.close();
    }
  }
}
