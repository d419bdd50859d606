package dev.mailcheck.checks.mtasts;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.https.SocketHttpsFetcher;
import dev.mailcheck.https.TestHttpsServer;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.TlsRptView;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.testserver.TestPki;
import dev.mailcheck.testing.TestChecks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MtaStsReportTest {
  static final String D = "example.test";
  static TestPki pki;
  static TestPki.Issued cert;
  final AtomicInteger probes = new AtomicInteger();

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    cert = pki.issue("mta-sts." + D, List.of("mta-sts." + D), 90);
  }

  static FakeDns zone() {
    return new FakeDns()
        .mx(D, 10, "mx1." + D)
        .mx(D, 20, "mx2." + D)
        .a("mx1." + D, "127.0.0.1")
        .a("mx2." + D, "127.0.0.2")
        .a("mta-sts." + D, "127.0.0.1")
        .txt("_mta-sts." + D, "v=STSv1; id=20240101")
        .txt("_smtp._tls." + D, "v=TLSRPTv1; rua=mailto:tls@" + D);
  }

  static byte[] policy(String mode, String... mx) {
    var sb = new StringBuilder("version: STSv1\r\nmode: " + mode + "\r\n");
    for (String m : mx) sb.append("mx: ").append(m).append("\r\n");
    sb.append("max_age: 1209600\r\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  MtaStsReport.Result run(
      FakeDns dns, TestHttpsServer server, Function<String, ProbeResult> probe) {
    SmtpProbe smtp =
        req -> {
          probes.incrementAndGet();
          return probe.apply(req.host());
        };
    var settings =
        CheckSettings.defaults()
            .withAllowPrivate(true)
            .withTimeout(Duration.ofSeconds(3))
            .withTrustAnchors(List.of(pki.ca()));
    CheckContext ctx =
        TestChecks.context(dns, smtp, settings)
            .withHttps(new SocketHttpsFetcher(dns, settings.clock()).withPort(server.port()));
    return MtaStsReport.run(D, true, 25, ctx).join();
  }

  Map<String, Status> runPolicy(byte[] policy, Function<String, ProbeResult> probe)
      throws Exception {
    try (var server = TestHttpsServer.serving(cert.serverContext(), "text/plain", policy)) {
      return worst(run(zone(), server, probe).findings());
    }
  }

  @Test
  void aDomainThatPassesEverything() throws Exception {
    try (var server =
        TestHttpsServer.serving(
            cert.serverContext(), "text/plain", policy("enforce", "mx1." + D, "*." + D))) {
      var r = run(zone(), server, Probes::valid);
      assertThat(worst(r.findings()))
          .containsEntry("mta-sts.record", Status.PASS)
          .containsEntry("mta-sts.policy", Status.PASS)
          .containsEntry("mta-sts.mode", Status.PASS)
          .containsEntry("mta-sts.max-age", Status.PASS)
          .containsEntry("mta-sts.mx-coverage", Status.PASS)
          .containsEntry("mta-sts.certificates", Status.PASS)
          .containsEntry("tls-rpt.record", Status.PASS);
      var view = (MtaStsView) r.views().get(0);
      assertThat(view.id()).isEqualTo("20240101");
      assertThat(view.policy().orElseThrow().mode()).isEqualTo("enforce");
      assertThat(view.mx())
          .extracting(MtaStsView.Mx::host, MtaStsView.Mx::pattern, MtaStsView.Mx::certificate)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("mx1." + D, "mx1." + D, "valid"),
              org.assertj.core.groups.Tuple.tuple("mx2." + D, "*." + D, "valid"));
      assertThat(((TlsRptView) r.views().get(1)).rua()).containsExactly("mailto:tls@" + D);
      assertThat(probes.get()).isEqualTo(2);
    }
  }

  @Test
  void anEnforcedPolicyThatMissesAnMxFails() throws Exception {
    try (var server =
        TestHttpsServer.serving(
            cert.serverContext(), "text/plain", policy("enforce", "mx1." + D))) {
      var r = run(zone(), server, Probes::valid);
      Finding f = only(r.findings(), FindingId.MTA_STS_MX_COVERAGE);
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.title()).contains("mx2." + D);
      assertThat(f.remedy().orElseThrow()).contains("\"mx: mx2." + D + "\"");
    }
  }

  @Test
  void testingModeWarnsAndDoesNotFailOnCertificates() throws Exception {
    var s =
        runPolicy(policy("testing", "mx1." + D), host -> Probes.tls(host, false, true, "TLSv1.3"));
    assertThat(s)
        .containsEntry("mta-sts.mode", Status.WARN)
        .containsEntry("mta-sts.mx-coverage", Status.WARN)
        .containsEntry("mta-sts.certificates", Status.INFO);
  }

  @Test
  void enforceFailsOnAnUntrustedOrMisnamedCertificateOrMissingStarttls() throws Exception {
    byte[] p = policy("enforce", "*." + D);
    assertThat(runPolicy(p, h -> Probes.tls(h, false, true, "TLSv1.3")))
        .containsEntry("mta-sts.certificates", Status.FAIL);
    assertThat(runPolicy(p, h -> Probes.tls(h, true, false, "TLSv1.3")))
        .containsEntry("mta-sts.certificates", Status.FAIL);
    assertThat(runPolicy(p, h -> Probes.tls(h, true, true, "TLSv1.1")))
        .containsEntry("mta-sts.certificates", Status.FAIL);
    assertThat(runPolicy(p, Probes::noStarttls)).containsEntry("mta-sts.certificates", Status.FAIL);
    assertThat(runPolicy(p, Probes::timeout)).containsEntry("mta-sts.certificates", Status.ERROR);
  }

  @Test
  void aPolicyServedWithTheWrongContentTypeIsDiscarded() throws Exception {
    try (var server =
        TestHttpsServer.serving(cert.serverContext(), "text/html", policy("enforce", "*." + D))) {
      var r = run(zone(), server, Probes::valid);
      Finding f = only(r.findings(), FindingId.MTA_STS_POLICY);
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.detail()).contains("text/html");
      assertThat(worst(r.findings())).doesNotContainKey("mta-sts.mx-coverage");
    }
  }

  @Test
  void aRedirectedPolicyFailsAndTheTargetIsNamed() throws Exception {
    try (var server =
        TestHttpsServer.start(
            cert.serverContext(),
            (head, out) ->
                out.write(
                    "HTTP/1.1 302 Found\r\nLocation: https://policies.example/p\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)))) {
      var r = run(zone(), server, Probes::valid);
      Finding f = only(r.findings(), FindingId.MTA_STS_POLICY);
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.detail())
          .contains("302")
          .contains("https://policies.example/p")
          .contains("not followed");
    }
  }

  @Test
  void aTooLargePolicyFails() throws Exception {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '#');
    var s = runPolicy(big, Probes::valid);
    assertThat(s).containsEntry("mta-sts.policy", Status.FAIL);
  }

  @Test
  void withoutARecordNothingIsProbedAndTlsRptIsOnlyInfo() throws Exception {
    FakeDns dns =
        new FakeDns()
            .mx(D, 10, "mx1." + D)
            .a("mx1." + D, "127.0.0.1")
            .a("mta-sts." + D, "127.0.0.1");
    try (var server =
        TestHttpsServer.serving(cert.serverContext(), "text/plain", policy("enforce", "*." + D))) {
      var r = run(dns, server, Probes::valid);
      assertThat(worst(r.findings()))
          .containsEntry("mta-sts.record", Status.WARN)
          .containsEntry("mta-sts.policy", Status.INFO)
          .containsEntry("tls-rpt.record", Status.INFO)
          .doesNotContainKey("mta-sts.certificates");
      assertThat(probes.get()).isZero();
    }
  }

  @Test
  void mtaStsWithoutTlsRptWarns() throws Exception {
    FakeDns dns =
        new FakeDns()
            .mx(D, 10, "mx1." + D)
            .a("mx1." + D, "127.0.0.1")
            .a("mta-sts." + D, "127.0.0.1")
            .txt("_mta-sts." + D, "v=STSv1; id=1");
    try (var server =
        TestHttpsServer.serving(cert.serverContext(), "text/plain", policy("enforce", "*." + D))) {
      Finding f = only(run(dns, server, Probes::valid).findings(), FindingId.TLS_RPT_RECORD);
      assertThat(f.status()).isEqualTo(Status.WARN);
      assertThat(f.title()).contains("MTA-STS is deployed without TLS-RPT");
    }
  }

  @Test
  void twoRecordsFailTheRecord() throws Exception {
    FakeDns dns = zone().txt("_mta-sts." + D, "v=STSv1; id=2");
    try (var server =
        TestHttpsServer.serving(cert.serverContext(), "text/plain", policy("enforce", "*." + D))) {
      var r = run(dns, server, Probes::valid);
      assertThat(only(r.findings(), FindingId.MTA_STS_RECORD).status()).isEqualTo(Status.FAIL);
      assertThat(worst(r.findings())).doesNotContainKey("mta-sts.mx-coverage");
    }
  }

  static Finding only(List<Finding> findings, FindingId id) {
    var l = findings.stream().filter(f -> f.kind() == id).toList();
    assertThat(l).as(id.id()).hasSize(1);
    return l.get(0);
  }
}
