package dev.mailcheck.checks.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.SendView;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.Stage;
import dev.mailcheck.smtp.TlsMode;
import dev.mailcheck.smtp.Transaction;
import dev.mailcheck.smtp.testserver.ReceivingSmtp;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.testing.TestChecks;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Delivery to the MX hosts of a domain (FakeDns) served by in-process servers: a probe that maps
 * each MX name to its test server's port stands in for port 25.
 */
class SendCheckTest {
  static final byte[] MESSAGE =
      "From: a@sender.test\r\nTo: b@rcpt.test\r\nSubject: t\r\n\r\nhello\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  static SmtpProbe mapped(Map<String, Integer> ports) {
    var real = new SocketSmtpProbe(null);
    return req -> {
      Integer port = ports.get(req.host());
      if (port == null) port = 1; // nothing listens on port 1: refused
      try {
        return real.probe(
            ProbeRequest.builder(req.host(), port)
                .addresses(List.of(InetAddress.getByName("127.0.0.1")))
                .tlsMode(TlsMode.NONE)
                .timeout(req.timeout())
                .transaction(req.transaction().orElseThrow())
                .build());
      } catch (java.net.UnknownHostException e) {
        throw new AssertionError(e);
      }
    };
  }

  static SendCheck.Query mxQuery(Stage stage) {
    var tx =
        new Transaction(
            "a@sender.test", List.of("b@rcpt.test"), MESSAGE, stage, false, false, false, false);
    return new SendCheck.Query(
        ProbeRequest.builder("rcpt.test", 25)
            .timeout(Duration.ofSeconds(2))
            .allowPrivate(true)
            .transaction(tx)
            .build(),
        Optional.of("rcpt.test"));
  }

  static CheckResult<SendFacts> run(FakeDns dns, SmtpProbe probe, SendCheck.Query q) {
    return new SendCheck().run(q, TestChecks.context(dns, probe, CheckSettings.defaults())).join();
  }

  static List<Finding> of(CheckResult<?> r, FindingId id) {
    return r.findings().stream().filter(f -> f.kind() == id).toList();
  }

  @Test
  void temporaryRefusalAtTheFirstMxFallsBackToTheNextInPreferenceOrder() throws Exception {
    var deferring =
        new ReceivingSmtp()
            .rcpt("b@rcpt.test", "451 4.7.1 Greylisted, please try again in 5 minutes");
    var accepting = new ReceivingSmtp();
    try (var first = ScriptedSmtpServer.start(deferring);
        var second = ScriptedSmtpServer.start(accepting)) {
      var dns =
          new FakeDns().mx("rcpt.test", 20, "mx2.rcpt.test").mx("rcpt.test", 10, "mx1.rcpt.test");
      var r =
          run(
              dns,
              mapped(Map.of("mx1.rcpt.test", first.port(), "mx2.rcpt.test", second.port())),
              mxQuery(Stage.DATA));
      assertThat(r.facts().attempts())
          .extracting(SendFacts.Attempt::host)
          .containsExactly("mx1.rcpt.test", "mx2.rcpt.test");
      Finding rcpt1 = of(r, FindingId.SEND_RCPT).get(0);
      assertThat(rcpt1.status()).isEqualTo(Status.WARN);
      assertThat(rcpt1.remedy().orElseThrow()).contains("retry after 5 minute(s)");
      Finding delivered = of(r, FindingId.SEND_DELIVERED).get(0);
      assertThat(delivered.status()).isEqualTo(Status.PASS);
      assertThat(delivered.title()).contains("mx2.rcpt.test", "queued as 4Fq2Lk0x7Qz1");
      assertThat(delivered.evidence()).hasSize(2);
      assertThat(accepting.messages()).hasSize(1);
      assertThat(deferring.messages()).isEmpty();
      SendView v = (SendView) r.views().get(0);
      assertThat(v.outcome()).isEqualTo("delivered");
      assertThat(v.queueId()).isEqualTo("4Fq2Lk0x7Qz1");
      assertThat(v.attempts())
          .extracting(SendView.Attempt::outcome)
          .containsExactly("deferred", "delivered");
    }
  }

  @Test
  void connectionFailureFallsBackAndPermanentRefusalStops() throws Exception {
    var refusing =
        new ReceivingSmtp()
            .rcpt(
                "b@rcpt.test", "550 5.1.1 <b@rcpt.test>: Recipient address rejected: User unknown");
    var never = new ReceivingSmtp();
    try (var second = ScriptedSmtpServer.start(refusing);
        var third = ScriptedSmtpServer.start(never)) {
      var dns =
          new FakeDns()
              .mx("rcpt.test", 10, "down.rcpt.test")
              .mx("rcpt.test", 20, "mx2.rcpt.test")
              .mx("rcpt.test", 30, "mx3.rcpt.test");
      var r =
          run(
              dns,
              mapped(Map.of("mx2.rcpt.test", second.port(), "mx3.rcpt.test", third.port())),
              mxQuery(Stage.DATA));
      assertThat(r.facts().attempts())
          .extracting(SendFacts.Attempt::host)
          .containsExactly("down.rcpt.test", "mx2.rcpt.test");
      assertThat(of(r, FindingId.SEND_CONNECT).get(0).status()).isEqualTo(Status.FAIL);
      assertThat(of(r, FindingId.SEND_CONNECT).get(0).remedy().orElseThrow()).contains("port");
      Finding delivered = of(r, FindingId.SEND_DELIVERED).get(0);
      assertThat(delivered.status()).isEqualTo(Status.FAIL);
      assertThat(delivered.remedy().orElseThrow()).containsIgnoringCase("check the address");
      assertThat(third.connections()).isZero();
    }
  }

  @Test
  void nullMxIsNotDeliveredAndNothingIsContacted() {
    var dns = new FakeDns().mx("rcpt.test", 0, "");
    var r =
        run(
            dns,
            req -> {
              throw new AssertionError("no probe");
            },
            mxQuery(Stage.DATA));
    Finding f = of(r, FindingId.SEND_DELIVERED).get(0);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail()).contains("null MX");
  }

  @Test
  void noMxMeansTheDomainItselfIsTheImplicitMx() throws Exception {
    var accepting = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(accepting)) {
      var dns = new FakeDns().a("rcpt.test", "127.0.0.1");
      var r = run(dns, mapped(Map.of("rcpt.test", server.port())), mxQuery(Stage.DATA));
      assertThat(r.facts().attempts())
          .extracting(SendFacts.Attempt::host)
          .containsExactly("rcpt.test");
      assertThat(of(r, FindingId.SEND_DELIVERED).get(0).status()).isEqualTo(Status.PASS);
    }
  }

  @Test
  void mxLookupFailureIsAnErrorNotARefusal() {
    var dns = new FakeDns().servfail("rcpt.test", dev.mailcheck.dns.RecordType.MX);
    var r =
        run(
            dns,
            req -> {
              throw new AssertionError("no probe");
            },
            mxQuery(Stage.DATA));
    assertThat(of(r, FindingId.SEND_DELIVERED).get(0).status()).isEqualTo(Status.ERROR);
    assertThat(r.undetermined()).isTrue();
  }

  @Test
  void quitAfterRcptReportsTheStopAsInfo() throws Exception {
    var accepting = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(accepting)) {
      var dns = new FakeDns().mx("rcpt.test", 10, "mx1.rcpt.test");
      var r = run(dns, mapped(Map.of("mx1.rcpt.test", server.port())), mxQuery(Stage.RCPT));
      assertThat(of(r, FindingId.SEND_RCPT).get(0).status()).isEqualTo(Status.PASS);
      assertThat(of(r, FindingId.SEND_DELIVERED).get(0).status()).isEqualTo(Status.INFO);
      assertThat(of(r, FindingId.SEND_DATA)).isEmpty();
      assertThat(server.received()).doesNotContain("DATA");
    }
  }
}
