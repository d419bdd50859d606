package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.smtp.testserver.BlackholedListener;
import dev.mailcheck.testing.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * "Every server timed out" is exit 3 (the check could not run); a refused connection is a definite
 * answer (exit 1, smtp.connect fail). Loopback only: listeners that never answer stand in for a
 * filtered or silent remote host.
 */
class SmtpTimeoutCliTest {
  /**
   * A listener with its accept queue filled: further connects wait (SYN dropped) or open but never
   * get a byte.
   */
  @Test
  void blackholedAddressIsCouldNotRun() throws Exception {
    try (var full = BlackholedListener.start()) {
      CliRun r = CliRun.of("--timeout", "200ms", "smtp", "127.0.0.1:" + full.port(), "--json");
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.COULD_NOT_RUN);
      JsonNode json = r.json();
      assertThat(json.get("incomplete").asBoolean()).isTrue();
      assertThat(json.get("smtp").get("failure").get("kind").asText()).isEqualTo("timeout");
    }
  }

  /**
   * TCP opens (the kernel accepts) but no greeting ever comes: nothing was learned about the
   * server.
   */
  @Test
  void silentListenerIsCouldNotRun() throws Exception {
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CliRun r =
          CliRun.of("--timeout", "200ms", "smtp", "127.0.0.1:" + silent.getLocalPort(), "--json");
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.COULD_NOT_RUN);
      JsonNode json = r.json();
      assertThat(json.get("incomplete").asBoolean()).isTrue();
      assertThat(json.get("smtp").get("failure").get("phase").asText()).isEqualTo("banner");
      assertThat(json.get("smtp").get("failure").get("kind").asText()).isEqualTo("timeout");

      CliRun tls =
          CliRun.of(
              "--timeout",
              "200ms",
              "smtp",
              "127.0.0.1:" + silent.getLocalPort(),
              "--tls",
              "--json");
      assertThat(tls.exitCode()).as(tls.out() + tls.err()).isEqualTo(ExitCode.COULD_NOT_RUN);
      assertThat(tls.json().get("smtp").get("failure").get("kind").asText()).isEqualTo("timeout");

      CliRun text = CliRun.of("--timeout", "200ms", "smtp", "127.0.0.1:" + silent.getLocalPort());
      assertThat(text.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
      assertThat(text.out().lines().findFirst().orElseThrow()).contains("could not complete");
    }
  }

  /** Nothing listens: the refusal is the answer, a finding (exit 1), not "could not run". */
  @Test
  void refusedIsAFindingNotCouldNotRun() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun r = CliRun.of("--timeout", "1s", "smtp", "127.0.0.1:" + port, "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS);
    JsonNode json = r.json();
    assertThat(json.get("incomplete").asBoolean()).isFalse();
    var connect = new ArrayList<String>();
    json.get("findings")
        .forEach(
            f -> {
              if (f.get("id").asText().equals("smtp.connect"))
                connect.add(f.get("status").asText());
            });
    assertThat(connect).containsExactly("fail");
  }

  /** For ports a timed-out port is "filtered", which is what the scan reports: exit 1, not 3. */
  @Test
  void portsWithEveryPortSilentIsStillAFinding() throws Exception {
    // ports always probes 25/465/587; on loopback in a test nothing should listen there, so this
    // only checks that a scan whose ports all fail to answer is not marked incomplete.
    CliRun r = CliRun.of("--timeout", "300ms", "ports", "127.0.0.1", "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isNotEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(r.json().get("incomplete").asBoolean()).isFalse();
  }
}
