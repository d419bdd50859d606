package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.testserver.BlackholedListener;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each hostile behaviour ends the probe within its limits with a classified failure: no hang, no
 * unbounded buffering. The timeout is short (400 ms); a probe must end well before 3 timeouts.
 */
class HostileServerTest {
  static final Duration TIMEOUT = Duration.ofMillis(400);
  static final long BUDGET_MS = 3 * TIMEOUT.toMillis() + 500;

  private static ProbeResult probe(int port, TlsMode mode) {
    var req =
        ProbeRequest.builder("127.0.0.1", port)
            .timeout(TIMEOUT)
            .tlsMode(mode)
            .insecure(true)
            .build();
    long start = System.nanoTime();
    ProbeResult r = new SocketSmtpProbe(null).probe(req);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(ms).as("probe duration").isLessThan(BUDGET_MS);
    return r;
  }

  private static ProbeResult probe(ScriptedSmtpServer.Script script) throws IOException {
    try (var server = ScriptedSmtpServer.start(script)) {
      return probe(server.port(), TlsMode.OPPORTUNISTIC);
    }
  }

  @Test
  void tarpitBeforeBannerTimesOutAtTheBanner() throws Exception {
    ProbeResult r = probe(s -> s.hold());
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.BANNER);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
    assertThat(r.address()).contains("127.0.0.1");
  }

  @Test
  void bannerDrippedOneByteAtATimeEndsAtTheDeadlineNotAfterIt() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              for (byte b :
                  "220 a very slow greeting that never quite ends\r\n"
                      .getBytes(StandardCharsets.US_ASCII)) {
                s.sendRaw(new byte[] {b});
                Thread.sleep(
                    50); // server behaviour: 20 bytes/s, each byte well inside the read timeout
              }
              s.hold();
            });
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.BANNER);
    assertThat(r.timing(Phase.BANNER).orElseThrow().millis())
        .isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 300);
  }

  @Test
  void oneMebibyteLineWithoutLineEndIsCutAtTheCap() throws Exception {
    byte[] huge = new byte[1 << 20];
    java.util.Arrays.fill(huge, (byte) 'a');
    ProbeResult r =
        probe(
            s -> {
              s.sendRaw("220 ".getBytes(StandardCharsets.US_ASCII));
              s.sendRaw(huge);
              s.hold();
            });
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.LINE_TOO_LONG);
    assertThat(r.transcript()).allMatch(l -> l.length() < 400);
  }

  @Test
  void endlessContinuationIsCutAtTheLineCap() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              while (true) s.send("250-SPAM " + "x".repeat(40));
            });
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.EHLO);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.REPLY_TOO_LARGE);
  }

  @Test
  void slowEndlessContinuationEndsAtTheDeadline() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              while (true) {
                s.send("250-SLOW");
                Thread.sleep(20);
              }
            });
    assertThat(r.failure().orElseThrow().kind())
        .isIn(Failure.Kind.TIMEOUT, Failure.Kind.REPLY_TOO_LARGE);
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.EHLO);
  }

  @Test
  void binaryGarbageIsAMalformedReply() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    garbage[0] = (byte) 0x16; // looks like a TLS record, not a reply code
    ProbeResult r =
        probe(
            s -> {
              s.sendRaw(garbage);
              s.sendRaw(new byte[] {'\r', '\n'});
              s.hold();
            });
    assertThat(r.failure().orElseThrow().kind())
        .isIn(Failure.Kind.MALFORMED_REPLY, Failure.Kind.LINE_TOO_LONG);
    assertThat(r.transcript()).noneMatch(l -> l.chars().anyMatch(c -> c < 0x20 && c != '\t'));
  }

  @Test
  void connectionClosedAfterEhlo() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              s.close();
            });
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.EHLO);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.CLOSED);
    assertThat(r.failure().orElseThrow().temporary()).isTrue();
  }

  @Test
  void greeting421IsARejectionAndTemporary() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send(
                  "421 4.3.2 mx.test.example Service not available, closing transmission channel");
              s.readLine();
            });
    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(Failure.Kind.REJECTED);
    assertThat(f.reply().orElseThrow().code()).isEqualTo(421);
    assertThat(f.temporary()).isTrue();
    assertThat(f.detail()).contains("4.3.2");
  }

  @Test
  void tlsHandshakeFailureAfterStartTls() throws Exception {
    ProbeResult r =
        probe(
            s -> {
              s.send("220 ok");
              s.readLine();
              s.send("250-mx\r\n250 STARTTLS");
              s.readLine();
              s.send("220 go ahead");
              s.send("this is not a TLS server hello");
              s.close();
            });
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TLS_HANDSHAKE);
    assertThat(r.startTls()).isEqualTo(StartTls.HANDSHAKE_FAILED);
  }

  /**
   * RFC 3207 §4.2 / CVE-2011-1575 class: plaintext sent after the STARTTLS 220 must not count as a
   * TLS reply.
   */
  @Test
  void plaintextInjectedAfterStartTlsIsDiscarded() throws Exception {
    var pki = dev.mailcheck.smtp.testserver.TestPki.create();
    var cert = pki.issue("localhost", List.of("127.0.0.1"), 30);
    ScriptedSmtpServer.Script script =
        s -> {
          s.send("220 ok");
          s.readLine();
          s.send("250-mx\r\n250 STARTTLS");
          s.readLine();
          s.send("220 go ahead\r\n250-INJECTED\r\n250 AUTH PLAIN");
          s.startTls(cert.serverContext());
          String ehlo = s.readLine();
          s.send("250-mx after tls\r\n250 SIZE 1000000");
          s.readLine();
          s.send("221 bye");
        };
    ProbeResult r;
    try (var server = ScriptedSmtpServer.start(script)) {
      // a TLS handshake on a loaded machine needs more than the hostile-test timeout
      r =
          new SocketSmtpProbe(null)
              .probe(
                  ProbeRequest.builder("127.0.0.1", server.port())
                      .timeout(Duration.ofSeconds(3))
                      .insecure(true)
                      .build());
    }
    assertThat(r.startTls()).as(String.join("\n", r.transcript())).isEqualTo(StartTls.OK);
    assertThat(r.ehloTls().orElseThrow().has("SIZE")).isTrue();
    assertThat(r.ehloTls().orElseThrow().has("INJECTED")).isFalse();
    assertThat(r.ehloTls().orElseThrow().authMechanisms()).isEmpty();
    assertThat(r.transcript()).anyMatch(l -> l.contains("discarded") && l.contains("after 220"));
  }

  @Test
  void implicitTlsAgainstAPlaintextServerFailsTheHandshake() throws Exception {
    try (var server = ScriptedSmtpServer.start(new StandardSmtp())) {
      ProbeResult r = probe(server.port(), TlsMode.IMPLICIT);
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
      assertThat(r.failure().orElseThrow().kind())
          .isIn(Failure.Kind.TLS_HANDSHAKE, Failure.Kind.TIMEOUT);
    }
  }

  @Test
  void tarpitDuringTlsHandshakeEndsAtTheDeadline() throws Exception {
    try (var server = ScriptedSmtpServer.start(s -> s.hold())) {
      ProbeResult r = probe(server.port(), TlsMode.IMPLICIT);
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    }
  }

  @Test
  void refusedConnection() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProbeResult r = probe(port, TlsMode.OPPORTUNISTIC);
    assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.REFUSED);
    assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.CONNECT);
    assertThat(r.attempts()).hasSize(1);
  }

  /**
   * A blackholed address: a listener that never accepts, its accept queue filled, so the kernel
   * drops further SYNs and the connect waits for the deadline (loopback only).
   */
  @Test
  void blackholedAddressTimesOutAtConnect() throws Exception {
    try (var full = BlackholedListener.start()) {
      ProbeResult r = probe(full.port(), TlsMode.OPPORTUNISTIC);
      // Depending on the kernel the SYN is dropped (timeout) or the connect completes and the
      // banner never comes; both must end at the deadline with a timeout.
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
      assertThat(r.failure().orElseThrow().phase()).isIn(Phase.CONNECT, Phase.BANNER);
    }
  }

  @Test
  void secondAddressIsTriedWhenTheFirstRefuses() throws Exception {
    try (var server = ScriptedSmtpServer.start(new StandardSmtp())) {
      // the server listens on 127.0.0.1 only: the same port on 127.0.0.2 refuses
      var req =
          ProbeRequest.builder("mx.test.example", server.port())
              .addresses(
                  List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")))
              .timeout(TIMEOUT)
              .build();
      ProbeResult r = new SocketSmtpProbe(null).probe(req);
      assertThat(r.attempts()).hasSize(2);
      assertThat(r.attempts().get(0).failure()).contains(Failure.Kind.REFUSED);
      assertThat(r.address()).contains("127.0.0.1");
      assertThat(r.failure()).isEmpty();
    }
  }
}
