package dev.mailcheck.checks.dane;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.domain.DomainCheck;
import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.SignedLab;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DaneView;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DANE in the domain report: TLSA records in a zone signed at test time, matched against the chain
 * an in-process SMTP server presents over STARTTLS, from the report's own probe (one connection).
 */
class DaneDomainIT {
  static TestPki.Issued cert;
  static ScriptedSmtpServer smtp;

  @BeforeAll
  static void start() throws Exception {
    cert = TestPki.create().issue("mx.good.test", List.of("mx.good.test"), 90);
    smtp = ScriptedSmtpServer.start(new StandardSmtp().starttls(cert.serverContext()));
  }

  @AfterAll
  static void stop() {
    smtp.close();
  }

  static String spkiSha256() throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(cert.leaf().getPublicKey().getEncoded()));
  }

  /** Runs {@code work} over the signed lab (good.test plus {@code goodExtra}) and the server. */
  static <T> T inLab(String goodExtra, Function<CheckContext, T> work) throws Exception {
    try (TestDnsServer dns = TestDnsServer.start();
        DnsStack stack =
            DnsStack.open(DnsSettings.of(List.of(dns.socketAddress()), Duration.ofSeconds(2)));
        var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      SignedLab lab = new SignedLab().serve(dns, goodExtra);
      var settings =
          CheckSettings.defaults()
              .withAllowPrivate(true)
              .withTimeout(Duration.ofSeconds(3))
              .withDnssecAnchors(lab.anchors());
      return work.apply(
          new CheckContext(
              stack.client(), new SocketSmtpProbe(stack.client()), executor, settings));
    }
  }

  static DomainCheck.Result domain(String goodExtra) throws Exception {
    return inLab(
        goodExtra,
        ctx ->
            new DomainCheck(ctx)
                .run(new DomainCheck.Options("good.test", List.of(), true, smtp.port()))
                .join());
  }

  static DaneView dane(DomainCheck.Result r) {
    return r.views().stream()
        .filter(DaneView.class::isInstance)
        .map(DaneView.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void matchingTlsaOnASignedZonePasses() throws Exception {
    int before = smtp.connections();
    var r = domain("_25._tcp.mx TLSA 3 1 1 " + spkiSha256() + "\n");
    var w = worst(r.findings());
    assertThat(w)
        .containsEntry("dnssec.domain", Status.PASS)
        .containsEntry("dnssec.mx", Status.PASS)
        .containsEntry("dane.tlsa-present", Status.PASS)
        .containsEntry("dane.dnssec", Status.PASS)
        .containsEntry("dane.usage", Status.PASS)
        .containsEntry("dane.match", Status.PASS)
        // DANE authenticates the only MX: the missing MTA-STS record costs nothing
        .containsEntry("mta-sts.record", Status.INFO);
    DaneView.Host h = dane(r).hosts().get(0);
    assertThat(h.records())
        .singleElement()
        .satisfies(t -> assertThat(t.matchedAt()).containsExactly("127.0.0.1"));
    // The report's own probe is the one DANE matched: one connection (plus the legacy TLS check).
    assertThat(smtp.connections() - before).isLessThanOrEqualTo(2);
    assertThat(r.score().categories()).containsKey("transport");
  }

  @Test
  void aTlsaSetThatMatchesNothingFails() throws Exception {
    var r = domain("_25._tcp.mx TLSA 3 1 1 " + "00".repeat(32) + "\n");
    assertThat(worst(r.findings()))
        .containsEntry("dane.match", Status.FAIL)
        .containsEntry("mta-sts.record", Status.WARN);
    assertThat(dane(r).hosts().get(0).endpoints())
        .singleElement()
        .satisfies(e -> assertThat(e.matched()).isFalse());
  }

  @Test
  void aNextKeyBesideTheCurrentOneStillPasses() throws Exception {
    var r =
        domain(
            "_25._tcp.mx TLSA 3 1 1 "
                + spkiSha256()
                + "\n_25._tcp.mx TLSA 3 1 1 "
                + "11".repeat(32)
                + "\n");
    var match =
        r.findings().stream().filter(f -> f.id().equals("dane.match")).findFirst().orElseThrow();
    assertThat(match.status()).isEqualTo(Status.PASS);
    assertThat(match.detail()).contains("Matching no address").contains("3 1 1 1111");
  }

  @Test
  void pkixUsagesAreFlagged() throws Exception {
    var r = domain("_25._tcp.mx TLSA 1 1 1 " + spkiSha256() + "\n");
    var w = worst(r.findings());
    assertThat(w).containsEntry("dane.usage", Status.WARN).containsEntry("dane.match", Status.FAIL);
  }

  @Test
  void noTlsaIsInformation() throws Exception {
    var r = domain("");
    assertThat(worst(r.findings()))
        .containsEntry("dane.tlsa-present", Status.INFO)
        .doesNotContainKeys("dane.match", "dane.dnssec");
  }

  /** {@code mailcheck dane alias.good.test:PORT}, where alias is a CNAME to mx (signed zone). */
  static DaneFacts.Host aliasHost(String goodExtra) throws Exception {
    var r =
        inLab(
            goodExtra,
            ctx ->
                Checks.DANE.run(DaneCheck.Query.host("alias.good.test", smtp.port()), ctx).join());
    assertThat(r.facts().hosts()).hasSize(1);
    return r.facts().hosts().get(0);
  }

  @Test
  void aSecureAliasIsAskedAtItsExpandedNameFirst() throws Exception {
    int port = smtp.port();
    // RFC 7672 §2.2.2: TLSA at the CNAME-expanded name wins over the original name's
    var h =
        aliasHost(
            "_"
                + port
                + "._tcp.mx TLSA 3 1 1 "
                + spkiSha256()
                + "\n_"
                + port
                + "._tcp.alias TLSA 3 1 1 "
                + "22".repeat(32)
                + "\n");
    assertThat(h.tlsaName()).isEqualTo("_" + port + "._tcp.mx.good.test");
    assertThat(h.tlsaData()).singleElement().asString().startsWith("3 1 1 ").doesNotContain("2222");
    assertThat(h.tlsa().secure()).isTrue();
  }

  @Test
  void aSecureDenialAtTheExpandedNameFallsBackToTheOriginalName() throws Exception {
    int port = smtp.port();
    var h = aliasHost("_" + port + "._tcp.alias TLSA 3 1 1 " + spkiSha256() + "\n");
    assertThat(h.tlsaName()).isEqualTo("_" + port + "._tcp.alias.good.test");
    assertThat(h.tlsaData())
        .singleElement()
        .asString()
        .containsIgnoringCase(spkiSha256().substring(0, 16));
  }

  @Test
  void aHostThatIsNoAliasIsAskedAtItsOwnName() throws Exception {
    assertThat(DaneCheck.tlsaName("mx.good.test", 25)).isEqualTo("_25._tcp.mx.good.test");
  }
}
