package dev.mailcheck.checks.domain;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.https.SocketHttpsFetcher;
import dev.mailcheck.https.TestHttpsServer;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The transport-security category of the domain report, on in-process SMTP and HTTPS servers. */
class DomainTransportTest {
  static final String D = "example.test";

  @org.junit.jupiter.api.BeforeAll
  static void dkimKey() throws Exception {
    if (DomainCheckTest.dkimKey == null) DomainCheckTest.key();
  }

  @Test
  void enforcedMtaStsIsCheckedAgainstTheProbesTheReportAlreadyRan() throws Exception {
    TestPki pki = TestPki.create();
    var mxCert = pki.issue("mx." + D, List.of("mx." + D), 90);
    var webCert = pki.issue("mta-sts." + D, List.of("mta-sts." + D), 90);
    byte[] policy =
        "version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 1209600\n"
            .getBytes(StandardCharsets.US_ASCII);
    FakeDns dns =
        DomainCheckTest.goodZone()
            .a("mta-sts." + D, "127.0.0.1")
            .txt("_mta-sts." + D, "v=STSv1; id=1")
            .txt("_smtp._tls." + D, "v=TLSRPTv1; rua=mailto:tls@" + D);
    var settings =
        CheckSettings.defaults()
            .withAllowPrivate(true)
            .withTimeout(Duration.ofSeconds(3))
            .withTrustAnchors(List.of(pki.ca()));
    AtomicInteger probes = new AtomicInteger();
    SmtpProbe real = new SocketSmtpProbe(null);
    SmtpProbe counting =
        req -> {
          probes.incrementAndGet();
          return real.probe(req);
        };
    try (var smtp =
            ScriptedSmtpServer.start(
                new StandardSmtp()
                    .banner("220 mx." + D + " ESMTP")
                    .starttls(mxCert.serverContext()));
        var web = TestHttpsServer.serving(webCert.serverContext(), "text/plain", policy);
        var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var ctx =
          new CheckContext(dns, counting, executor, settings)
              .withHttps(new SocketHttpsFetcher(dns, settings.clock()).withPort(web.port()));
      var r =
          new DomainCheck(ctx)
              .run(new DomainCheck.Options(D, List.of("sel"), true, smtp.port()))
              .join();
      assertThat(worst(r.findings()))
          .containsEntry("mta-sts.record", Status.PASS)
          .containsEntry("mta-sts.policy", Status.PASS)
          .containsEntry("mta-sts.mode", Status.PASS)
          .containsEntry("mta-sts.mx-coverage", Status.PASS)
          .containsEntry("mta-sts.certificates", Status.PASS)
          .containsEntry("tls-rpt.record", Status.PASS)
          .containsEntry("caa.mx", Status.INFO)
          .containsEntry("bimi.record", Status.INFO);
      assertThat(probes.get()).as("one probe per MX address, shared with MTA-STS").isEqualTo(1);
      assertThat(r.score().categories()).containsKey("transport");
      // the MTA-STS part alone (the unsigned test zone gives the DNSSEC part its own findings)
      assertThat(mtaStsPartScore(r.findings())).isEqualTo(100);
      var view =
          r.views().stream()
              .filter(v -> v instanceof MtaStsView)
              .map(v -> (MtaStsView) v)
              .findFirst()
              .orElseThrow();
      assertThat(view.mx())
          .singleElement()
          .extracting(MtaStsView.Mx::certificate)
          .isEqualTo("valid");
    }
  }

  @Test
  void aDomainWithoutTransportSecurityLosesHalfTheCategory() {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var settings =
          CheckSettings.defaults().withAllowPrivate(true).withTimeout(Duration.ofSeconds(2));
      var ctx =
          new CheckContext(
              DomainCheckTest.goodZone(), new SocketSmtpProbe(null), executor, settings);
      var r = new DomainCheck(ctx).run(new DomainCheck.Options(D, List.of("sel"), false)).join();
      assertThat(worst(r.findings()))
          .containsEntry("mta-sts.record", Status.WARN)
          .containsEntry("tls-rpt.record", Status.INFO)
          .doesNotContainKey("mta-sts.policy");
      assertThat(mtaStsPartScore(r.findings())).isEqualTo(50);
      assertThat(r.score().deductions()).anyMatch(d -> d.findingId().equals("mta-sts.record"));
    }
  }

  /** The transport category as the MTA-STS and TLS-RPT findings alone score it. */
  static int mtaStsPartScore(List<dev.mailcheck.report.Finding> findings) {
    var part =
        findings.stream()
            .filter(f -> f.id().startsWith("mta-sts.") || f.id().startsWith("tls-rpt."))
            .toList();
    return dev.mailcheck.report.scoring.Scoring.score(part).categories().get("transport").score();
  }
}
