package dev.mailcheck.checks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortScanTest {
  static ScriptedSmtpServer.Script delayedGreeting(long millis) {
    StandardSmtp standard = new StandardSmtp();
    return s -> {
      Thread.sleep(millis); // injected server delay, not a test wait
      standard.run(s);
    };
  }

  @Test
  void portsAreProbedInParallelAndStatesToldApart() throws Exception {
    int refused;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused = s.getLocalPort();
    }
    try (var slow1 = ScriptedSmtpServer.start(delayedGreeting(400));
        var slow2 = ScriptedSmtpServer.start(delayedGreeting(400));
        var tarpit = ScriptedSmtpServer.start(s -> s.hold())) {
      var base = ProbeRequest.builder("127.0.0.1", 25).timeout(Duration.ofMillis(600)).build();
      long start = System.nanoTime();
      List<ProbeResult> results =
          PortScan.run(
              new SocketSmtpProbe(null),
              base,
              List.of(slow1.port(), slow2.port(), tarpit.port(), refused));
      long ms = (System.nanoTime() - start) / 1_000_000;
      // sequential would be >= 400 + 400 + 600 = 1400 ms
      assertThat(ms).isLessThan(1200);
      assertThat(results)
          .extracting(PortsEvaluator::state)
          .containsExactly("open", "open", "open", "refused");
      assertThat(results.get(2).failure().orElseThrow().kind())
          .isEqualTo(dev.mailcheck.smtp.Failure.Kind.TIMEOUT);
      var section = SmtpViews.ports("127.0.0.1", results);
      assertThat(section.ports().get(3).hint()).contains("Nothing listens");
      assertThat(PortsEvaluator.findings(results))
          .extracting(f -> f.status().token())
          .containsExactly("pass", "pass", "pass", "warn");
    }
  }

  @Test
  void port465UsesImplicitTlsAndOthersStartTls() {
    var base = ProbeRequest.builder("mx.example", 25).timeout(Duration.ofSeconds(1)).build();
    assertThat(PortScan.forPort(base, 465).tlsMode())
        .isEqualTo(dev.mailcheck.smtp.TlsMode.IMPLICIT);
    assertThat(PortScan.forPort(base, 587).tlsMode())
        .isEqualTo(dev.mailcheck.smtp.TlsMode.OPPORTUNISTIC);
    assertThat(PortScan.forPort(base, 587).port()).isEqualTo(587);
  }

  @Test
  void aClosedSubmissionPortIsOnlyInfoWhenTheOtherIsOpen() {
    var refused =
        new dev.mailcheck.smtp.Failure(
            dev.mailcheck.smtp.Phase.CONNECT, dev.mailcheck.smtp.Failure.Kind.REFUSED, "refused");
    var filtered =
        new dev.mailcheck.smtp.Failure(
            dev.mailcheck.smtp.Phase.CONNECT, dev.mailcheck.smtp.Failure.Kind.TIMEOUT, "timeout");
    var ok587 = SmtpEvaluatorTest.R.ok(587).result();
    var closed465 =
        new SmtpEvaluatorTest.R(
                465,
                dev.mailcheck.smtp.TlsMode.IMPLICIT,
                null,
                null,
                dev.mailcheck.smtp.StartTls.NOT_ATTEMPTED,
                null,
                null,
                null,
                null,
                refused,
                null)
            .result();
    var filtered25 =
        new SmtpEvaluatorTest.R(
                25,
                dev.mailcheck.smtp.TlsMode.OPPORTUNISTIC,
                null,
                null,
                dev.mailcheck.smtp.StartTls.NOT_ATTEMPTED,
                null,
                null,
                null,
                null,
                filtered,
                null)
            .result();
    assertThat(PortsEvaluator.findings(List.of(filtered25, closed465, ok587)))
        .extracting(f -> f.status().token())
        .containsExactly("warn", "info", "pass");
    // issue 11 #4: no port open at all fails the gate, beside the per-port findings
    assertThat(PortsEvaluator.findings(List.of(closed465)))
        .extracting(f -> f.status().token())
        .containsExactly("warn", "fail");
    assertThat(PortsEvaluator.findings(List.of(filtered25, closed465)))
        .extracting(f -> f.title())
        .last()
        .isEqualTo("No mail port accepts connections");
    assertThat(SmtpViews.ports("mx.example", List.of(filtered25)).ports().get(0).hint())
        .contains("block outbound port 25");
  }
}
