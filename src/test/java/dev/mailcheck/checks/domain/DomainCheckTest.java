package dev.mailcheck.checks.domain;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.text.ViewText;
import dev.mailcheck.report.view.DomainSmtpView;
import dev.mailcheck.report.view.PtrView;
import dev.mailcheck.smtp.AddressAttempt;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.SocketSmtpProbe;
import dev.mailcheck.smtp.StartTls;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.smtp.testserver.TestPki;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DomainCheckTest {
  static String dkimKey;
  final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeAll
  static void key() throws Exception {
    var g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    dkimKey =
        "v=DKIM1; k=rsa; p="
            + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
  }

  @AfterEach
  void stop() {
    executor.close();
  }

  static final dev.mailcheck.dns.TrustAnchors OUTSIDE =
      dev.mailcheck.dns.TrustAnchors.parse(
          "anchor.invalid. 3600 IN DS 1 13 2 "
              + "0000000000000000000000000000000000000000000000000000000000000000",
          "test");

  static FakeDns goodZone() {
    return new FakeDns()
        .mx("example.test", 10, "mx.example.test")
        .a("mx.example.test", "127.0.0.1")
        .ptr("1.0.0.127.in-addr.arpa", "mx.example.test")
        .txt("example.test", "v=spf1 mx -all")
        .txt("sel._domainkey.example.test", dkimKey)
        .txt("_dmarc.example.test", "v=DMARC1; p=reject; rua=mailto:dmarc@example.test");
  }

  DomainCheck.Result run(FakeDns dns, SmtpProbe probe, boolean smtp, int port) {
    // An anchor above nothing the fake serves: its unsigned zones validate as insecure.
    var settings =
        CheckSettings.defaults()
            .withAllowPrivate(true)
            .withTimeout(Duration.ofSeconds(3))
            .withDnssecAnchors(OUTSIDE);
    var check = new DomainCheck(new CheckContext(dns, probe, executor, settings));
    return check.run(new DomainCheck.Options("example.test", List.of("sel"), smtp, port)).join();
  }

  @Test
  void wellConfiguredDomainScoresAtLeastNinety() throws Exception {
    TestPki pki = TestPki.create();
    var cert = pki.issue("mx.example.test", List.of("mx.example.test"), 90);
    try (var server =
        ScriptedSmtpServer.start(
            new StandardSmtp()
                .banner("220 mx.example.test ESMTP")
                .starttls(cert.serverContext()))) {
      var r = run(goodZone(), new SocketSmtpProbe(null), true, server.port());
      var w = worst(r.findings());
      assertThat(w)
          .containsEntry("mx.present", Status.PASS)
          .containsEntry("ptr.fcrdns", Status.PASS)
          .containsEntry("smtp.connect", Status.PASS)
          .containsEntry("smtp.starttls", Status.PASS)
          .containsEntry("spf.present", Status.PASS)
          .containsEntry("dmarc.policy", Status.PASS)
          .containsEntry("ptr.matches-banner", Status.INFO);
      assertThat(
              r.findings().stream()
                  .filter(f -> f.id().equals("ptr.matches-banner"))
                  .findFirst()
                  .orElseThrow()
                  .title())
          .isEqualTo("Reverse name matches the SMTP greeting");
      assertThat(r.score().score())
          .as(r.score().deductions().toString())
          .isGreaterThanOrEqualTo(90);
      assertThat(r.score().categories()).containsKeys("mx", "smtp", "spf", "dkim", "dmarc");
      assertThat(r.views())
          .extracting(JsonRenderer::key)
          .containsExactly(
              "mx", "ptr", "smtp", "spf", "dkim", "dmarc", "dnssec", "dane", "mtaSts", "tlsRpt",
              "caa", "bimi");
      assertThat(
              r.findings().stream()
                  .filter(f -> f.id().startsWith("smtp."))
                  .map(f -> f.subject().orElse("")))
          .allMatch(s -> s.equals("mx.example.test 127.0.0.1"));
      assertThat(r.transcript())
          .first()
          .asString()
          .startsWith("--- mx.example.test [127.0.0.1]:" + server.port());
    }
  }

  @Test
  void everyAddressIsProbedAndPtrCheckedOnce() {
    FakeDns dns =
        goodZone()
            .mx("example.test", 20, "mx2.example.test")
            .a("mx2.example.test", "127.0.0.2")
            .a("mx2.example.test", "127.0.0.3");
    AtomicInteger probes = new AtomicInteger();
    var r =
        run(
            dns,
            req -> {
              probes.incrementAndGet();
              return timedOut(req.host(), req.addresses().get(0).getHostAddress());
            },
            true,
            25);
    assertThat(probes).hasValue(3);
    assertThat(dns.asked().stream().filter(q -> q.type() == dev.mailcheck.dns.RecordType.PTR))
        .hasSize(3);
    // every probe timed out connecting: blocked port 25, SMTP not scored
    assertThat(worst(r.findings())).containsEntry("domain.port25-blocked", Status.WARN);
    assertThat(r.score().categories()).doesNotContainKey("smtp");
    var section = (DomainSmtpView) r.views().get(2);
    assertThat(section.port25Blocked()).isTrue();
    assertThat(section.probes()).hasSize(3);
  }

  @Test
  void anAddressSharedByTwoExchangesGetsItsPtrFindingsOnce() {
    // Lab broken.test: alias.broken.test (a CNAME) and mx.broken.test both lead to 127.25.0.30.
    FakeDns dns =
        new FakeDns()
            .mx("example.test", 10, "alias.example.test")
            .mx("example.test", 20, "mx.example.test")
            .cname("alias.example.test", "mx.example.test")
            .a("mx.example.test", "127.0.0.1")
            .ptr("1.0.0.127.in-addr.arpa", "mismatch.example.test")
            .txt("example.test", "v=spf1 mx -all")
            .txt("_dmarc.example.test", "v=DMARC1; p=reject");
    var r =
        run(
            dns,
            req -> {
              throw new AssertionError("no probe expected");
            },
            false,
            25);
    assertThat(r.findings().stream().filter(f -> f.id().equals("ptr.fcrdns")))
        .singleElement()
        .extracting(f -> f.status())
        .isEqualTo(Status.FAIL);
    assertThat(r.findings().stream().filter(f -> f.id().equals("ptr.present"))).hasSize(1);
    // the per-exchange comparison stays: it names each exchange
    assertThat(r.findings().stream().filter(f -> f.id().equals("ptr.matches-mx"))).hasSize(2);
    assertThat(((PtrView) r.views().get(1)).addresses()).hasSize(2);
  }

  @Test
  void noSmtpSkipsTheProbes() {
    var r =
        run(
            goodZone(),
            req -> {
              throw new AssertionError("no probe expected");
            },
            false,
            25);
    assertThat(r.findings()).noneMatch(f -> f.category().equals("smtp"));
    assertThat(((DomainSmtpView) r.views().get(2)).skipped()).isTrue();
    assertThat(r.score().categories()).doesNotContainKey("smtp");
    assertThat(r.score().score()).isGreaterThanOrEqualTo(90);
  }

  @Test
  void nullMxNeedsNoProbeAndWantsSpfMinusAll() {
    FakeDns dns =
        new FakeDns()
            .mx("example.test", 0, "")
            .txt("example.test", "v=spf1 -all")
            .txt("_dmarc.example.test", "v=DMARC1; p=reject");
    var r =
        run(
            dns,
            req -> {
              throw new AssertionError("no probe expected");
            },
            true,
            25);
    assertThat(worst(r.findings()))
        .containsEntry("mx.null", Status.INFO)
        .containsEntry("domain.null-mx-spf", Status.PASS);
    // no address to reverse: no bare "PTR" heading in the text (lab nullmx.test)
    assertThat(r.views().get(1)).isInstanceOf(PtrView.class);
    assertThat(ViewText.lines(r.views().get(1))).isEmpty();
    FakeDns soft = new FakeDns().mx("example.test", 0, "").txt("example.test", "v=spf1 ~all");
    var r2 =
        run(
            soft,
            req -> {
              throw new AssertionError();
            },
            true,
            25);
    assertThat(worst(r2.findings()))
        .containsEntry("domain.null-mx-spf", Status.INFO)
        .containsEntry("dmarc.present", Status.FAIL);
    assertThat(r2.score().caps()).contains("no usable DMARC record");
    assertThat(r2.score().score()).isLessThanOrEqualTo(89);
  }

  @Test
  void anAddressSharedByTwoExchangesIsProbedOnceAndJudgedForEachName() throws Exception {
    // issue 11 #17: one address probed once even when two MX names share it
    TestPki pki = TestPki.create();
    var cert = pki.issue("mx.example.test", List.of("mx.example.test"), 90);
    FakeDns zone =
        goodZone().mx("example.test", 20, "mx2.example.test").a("mx2.example.test", "127.0.0.1");
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    var real = new SocketSmtpProbe(null);
    try (var server =
        ScriptedSmtpServer.start(
            new StandardSmtp()
                .banner("220 mx.example.test ESMTP")
                .starttls(cert.serverContext()))) {
      var r =
          run(
              zone,
              req -> {
                calls.incrementAndGet();
                return real.probe(req);
              },
              true,
              server.port());
      assertThat(calls.get()).isEqualTo(1);
      assertThat(server.connections())
          .isLessThanOrEqualTo(2); // the session and its legacy-TLS check
      var names =
          r.findings().stream()
              .filter(f -> f.id().equals("smtp.certificate-name"))
              .collect(
                  java.util.stream.Collectors.toMap(f -> f.subject().orElse(""), f -> f.status()));
      assertThat(names)
          .containsEntry("mx.example.test 127.0.0.1", Status.PASS)
          .containsEntry("mx2.example.test 127.0.0.1", Status.WARN);
    }
  }

  @Test
  void privateMxAddressesAreNeitherProbedNorGradedAsReachable() {
    // issue 11 #1 and #2: without allowing private addresses, a loopback MX is not contacted, and
    // a domain whose every MX address is special-purpose cannot receive internet mail
    var settings = CheckSettings.defaults().withTimeout(Duration.ofSeconds(3));
    var check =
        new DomainCheck(
            new CheckContext(
                goodZone(),
                req -> {
                  throw new AssertionError("no probe of a private address: " + req.host());
                },
                executor,
                settings));
    var r = check.run(new DomainCheck.Options("example.test", List.of("sel"), true, 25)).join();
    assertThat(r.findings())
        .filteredOn(f -> f.id().equals("smtp.connect"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.INFO);
              assertThat(f.title()).startsWith("Not probed: 127.0.0.1");
              assertThat(f.remedy()).get().asString().contains(Switches.WORDS.allowPrivate());
            });
    assertThat(worst(r.findings())).containsEntry("mx.private-address", Status.FAIL);
    assertThat(r.score().caps()).contains("no MX is reachable from the internet");
    assertThat(r.score().categories()).doesNotContainKey("smtp");
    assertThat(r.score().grade()).isNotIn("A+", "A");
  }

  @Test
  void strictSpfAlignmentWithThirdPartySenders() {
    FakeDns dns =
        new FakeDns()
            .mx("example.test", 0, "")
            .txt("example.test", "v=spf1 include:_spf.mailservice.example -all")
            .txt("_spf.mailservice.example", "v=spf1 ip4:198.51.100.0/24 -all")
            .txt("_dmarc.example.test", "v=DMARC1; p=reject; aspf=s");
    var r =
        run(
            dns,
            req -> {
              throw new AssertionError();
            },
            false,
            25);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.id()).isEqualTo("dmarc.alignment");
              assertThat(f.title()).contains("_spf.mailservice.example");
            });
  }

  @Test
  void probesAreBoundedOnHostileZones() {
    FakeDns dns = goodZone();
    for (int i = 0; i < 15; i++) {
      dns.mx("example.test", 100 + i, "h" + i + ".example.test");
      for (int k = 1; k <= 6; k++) dns.a("h" + i + ".example.test", "127.1." + i + "." + k);
    }
    AtomicInteger probes = new AtomicInteger();
    var r =
        run(
            dns,
            req -> {
              probes.incrementAndGet();
              return timedOut(req.host(), "x");
            },
            true,
            25);
    assertThat(probes.get())
        .isLessThanOrEqualTo(Limits.DOMAIN_PROBED_EXCHANGES * Limits.DOMAIN_PROBED_ADDRESSES);
    assertThat(worst(r.findings())).containsEntry("domain.truncated", Status.INFO);
  }

  @Test
  void theMostPreferredExchangesAreTheOnesProbed() {
    // RFC 5321 §5.1: senders try the lowest preference first; a zone may publish it last.
    FakeDns dns =
        new FakeDns()
            .txt("example.test", "v=spf1 -all")
            .txt("_dmarc.example.test", "v=DMARC1; p=reject");
    for (int i = 0; i < 12; i++)
      dns.mx("example.test", 50 - i, "h" + i + ".example.test")
          .a("h" + i + ".example.test", "127.2.0." + (i + 1));
    var probed = java.util.Collections.synchronizedSet(new java.util.TreeSet<String>());
    run(
        dns,
        req -> {
          probed.add(req.host());
          return timedOut(req.host(), "x");
        },
        true,
        25);
    assertThat(probed)
        .hasSize(Limits.DOMAIN_PROBED_EXCHANGES)
        .contains("h11.example.test", "h10.example.test")
        .doesNotContain("h0.example.test", "h1.example.test");
  }

  static ProbeResult timedOut(String host, String address) {
    return new ProbeResult(
        host,
        25,
        dev.mailcheck.smtp.TlsMode.OPPORTUNISTIC,
        Optional.empty(),
        List.<AddressAttempt>of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        StartTls.NOT_ATTEMPTED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(
            new Failure(
                Phase.CONNECT,
                Failure.Kind.TIMEOUT,
                "no answer from " + address + " port 25 within 3s")),
        List.of(),
        Optional.empty());
  }

  @Test
  void ipv6OnlyMxIsProbedOverIpv6AndIpv4OnlyMxGetsTheNoIpv6Note() throws Exception {
    TestPki pki = TestPki.create();
    var cert = pki.issue("mx6.example.test", List.of("mx6.example.test"), 90);
    try (var v6 =
        ScriptedSmtpServer.startOn(
            java.net.InetAddress.getByName("::1"),
            new StandardSmtp()
                .banner("220 mx6.example.test ESMTP")
                .starttls(cert.serverContext()))) {
      FakeDns dns =
          new FakeDns()
              .mx("example.test", 10, "mx6.example.test")
              .mx("example.test", 20, "mx4.example.test")
              .a("mx6.example.test", "::1")
              .a("mx4.example.test", "127.0.0.2")
              .txt("_dmarc.example.test", "v=DMARC1; p=reject");
      var r = run(dns, new SocketSmtpProbe(null), true, v6.port());
      assertThat(v6.connections()).isPositive();
      assertThat(r.findings())
          .anySatisfy(
              f -> {
                assertThat(f.id()).isEqualTo("smtp.starttls");
                assertThat(f.status()).isEqualTo(Status.PASS);
                assertThat(f.subject()).contains("mx6.example.test ::1");
              });
      assertThat(r.findings().stream().filter(f -> f.id().equals("mx.ipv6")))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.status()).isEqualTo(Status.INFO);
                assertThat(f.subject()).contains("mx4.example.test");
              });
    }
  }
}
