package dev.mailcheck.checks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.text.ViewText;
import dev.mailcheck.smtp.AddressAttempt;
import dev.mailcheck.smtp.AuthOutcome;
import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.LegacyTls;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.PhaseTiming;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.RelayOutcome;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.StartTls;
import dev.mailcheck.smtp.TlsFacts;
import dev.mailcheck.smtp.TlsMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Facts in, findings out: each rule of the evaluator with constructed probe results. */
class SmtpEvaluatorTest {
  static final Reply BANNER = Reply.of(220, "mx.example ESMTP");

  static Extensions ext(String... keywords) {
    var lines = new ArrayList<String>();
    lines.add("mx.example");
    lines.addAll(List.of(keywords));
    return Extensions.parse(new Reply(250, lines));
  }

  static TlsFacts tls(String protocol, boolean trusted, boolean nameOk, long days) {
    var cert =
        new CertificateFacts(
            "CN=mx.example",
            "CN=CA",
            List.of("DNS:mx.example"),
            Instant.EPOCH,
            Instant.parse("2030-01-01T00:00:00Z"),
            "RSA",
            2048,
            "SHA256withRSA",
            "ab");
    return new TlsFacts(
        protocol,
        "TLS_AES_128_GCM_SHA256",
        List.of(cert),
        trusted,
        trusted ? Optional.empty() : Optional.of("self-signed certificate not in the trust store"),
        "mx.example",
        nameOk,
        days);
  }

  /**
   * A complete STARTTLS session on {@code port}; tweak with the record's fields via the builder
   * below.
   */
  record R(
      int port,
      TlsMode mode,
      Extensions before,
      Extensions after,
      StartTls startTls,
      TlsFacts tls,
      LegacyTls legacy,
      AuthOutcome auth,
      RelayOutcome relay,
      Failure failure,
      Reply banner) {
    static R ok(int port) {
      return new R(
          port,
          TlsMode.OPPORTUNISTIC,
          ext("PIPELINING", "SIZE 52428800", "STARTTLS"),
          ext("PIPELINING", "SIZE 52428800", "AUTH PLAIN"),
          StartTls.OK,
          SmtpEvaluatorTest.tls("TLSv1.3", true, true, 80),
          null,
          null,
          null,
          null,
          BANNER);
    }

    ProbeResult result() {
      List<AddressAttempt> attempts =
          failure != null && failure.phase() == Phase.CONNECT
              ? List.of(
                  new AddressAttempt("192.0.2.1", 5, Optional.of(failure.kind()), failure.detail()))
              : List.of(new AddressAttempt("192.0.2.1", 5, Optional.empty(), "connected"));
      return probe(
          port,
          mode,
          attempts,
          List.of(new PhaseTiming(Phase.CONNECT, 5, true)),
          banner,
          before,
          after,
          startTls,
          tls,
          legacy,
          auth,
          relay,
          failure);
    }
  }

  /** A probe of mx.example at 192.0.2.1; null stands for a phase that gave nothing. */
  static ProbeResult probe(
      int port,
      TlsMode mode,
      List<AddressAttempt> attempts,
      List<PhaseTiming> timings,
      Reply banner,
      Extensions before,
      Extensions after,
      StartTls startTls,
      TlsFacts tls,
      LegacyTls legacy,
      AuthOutcome auth,
      RelayOutcome relay,
      Failure failure) {
    return new ProbeResult(
        "mx.example",
        port,
        mode,
        Optional.of("192.0.2.1"),
        attempts,
        timings,
        Optional.ofNullable(banner),
        Optional.ofNullable(before),
        Optional.ofNullable(after),
        startTls,
        Optional.empty(),
        Optional.ofNullable(tls),
        Optional.ofNullable(legacy),
        Optional.ofNullable(auth),
        Optional.ofNullable(relay),
        Optional.ofNullable(failure),
        List.of(),
        Optional.empty());
  }

  static Optional<Status> status(ProbeResult r, String id) {
    return SmtpEvaluator.evaluate(r, Switches.WORDS).stream()
        .filter(f -> f.id().equals(id))
        .map(Finding::status)
        .findFirst();
  }

  @Test
  void completeSessionIsAllPass() {
    var findings = SmtpEvaluator.evaluate(R.ok(25).result(), Switches.WORDS);
    assertThat(findings).allMatch(f -> f.status() == Status.PASS, "all pass");
    assertThat(findings)
        .extracting(Finding::id)
        .contains(
            "smtp.connect",
            "smtp.banner",
            "smtp.ehlo",
            "smtp.starttls",
            "smtp.tls-version",
            "smtp.certificate",
            "smtp.certificate-name",
            "smtp.certificate-expiry",
            "smtp.plaintext-auth",
            "smtp.size");
    assertThat(findings).allMatch(f -> f.subject().orElse("").equals("mx.example:25"));
  }

  @ParameterizedTest(name = "port {0}: trusted={1} name={2} -> {3}/{4}")
  @CsvSource({
    "25,  false, true,  WARN, PASS",
    "587, false, true,  FAIL, PASS",
    "25,  true,  false, PASS, WARN",
    "465, true,  false, PASS, FAIL",
  })
  void certificateProblemsWeighMoreOnSubmissionPorts(
      int port, boolean trusted, boolean nameOk, Status cert, Status name) {
    var base = R.ok(port);
    var r =
        new R(
            port,
            port == 465 ? TlsMode.IMPLICIT : base.mode(),
            port == 465 ? null : base.before(),
            base.after(),
            port == 465 ? StartTls.NOT_ATTEMPTED : StartTls.OK,
            tls("TLSv1.3", trusted, nameOk, 80),
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.certificate")).contains(cert);
    assertThat(status(r.result(), "smtp.certificate-name")).contains(name);
  }

  /** Issue 7: a completed handshake with a bad certificate is never "STARTTLS broken". */
  @ParameterizedTest(name = "port {0}: trusted={1} name={2}")
  @CsvSource({"25, false, true", "25, true, false", "587, false, true", "587, true, false"})
  void certificateProblemAfterAWorkingHandshakeIsNotAHandshakeFailure(
      int port, boolean trusted, boolean nameOk) {
    var b = R.ok(port);
    boolean sub = port == 587;
    Failure stop =
        sub
            ? new Failure(
                Phase.TLS_HANDSHAKE,
                Failure.Kind.CERTIFICATE,
                "the handshake completed but the certificate was refused: x (stopped; --insecure goes on)")
            : null;
    var r =
        new R(
            port,
            b.mode(),
            b.before(),
            sub ? null : b.after(),
            StartTls.OK,
            tls("TLSv1.3", trusted, nameOk, 80),
            null,
            null,
            null,
            stop,
            BANNER);
    var findings = SmtpEvaluator.evaluate(r.result(), Switches.WORDS);
    assertThat(status(r.result(), "smtp.starttls")).contains(Status.PASS);
    assertThat(findings)
        .noneMatch(f -> f.title().toLowerCase(java.util.Locale.ROOT).contains("handshake failed"));
    String id = trusted ? "smtp.certificate-name" : "smtp.certificate";
    Finding cert = findings.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    assertThat(cert.status()).isEqualTo(sub ? Status.FAIL : Status.WARN);
    if (sub)
      assertThat(cert.title()).contains("stopped; " + Switches.WORDS.insecure() + " goes on");
    else assertThat(cert.title()).doesNotContain("stopped");
  }

  @Test
  void realHandshakeFailureKeepsItsName() {
    var b = R.ok(25);
    var r =
        new R(
            25,
            b.mode(),
            b.before(),
            null,
            StartTls.HANDSHAKE_FAILED,
            null,
            null,
            null,
            null,
            new Failure(
                Phase.TLS_HANDSHAKE,
                Failure.Kind.TLS_HANDSHAKE,
                "handshake failed: Received fatal alert: handshake_failure"),
            BANNER);
    Finding f =
        SmtpEvaluator.evaluate(r.result(), Switches.WORDS).stream()
            .filter(x -> x.id().equals("smtp.starttls"))
            .findFirst()
            .orElseThrow();
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.title()).isEqualTo("The TLS handshake failed");
  }

  @ParameterizedTest(name = "{0} days -> {1}")
  @CsvSource({
    "29, 'expires in 29 days'",
    "1, 'expires in 1 day'",
    "0, 'expires today'",
    "-1, 'EXPIRED 1 day ago'",
    "-2158, 'EXPIRED 2158 days ago'"
  })
  void expiryInTheSectionText(long days, String words) {
    // the lab's expired certificate showed "expires in -2158 days"
    var b = R.ok(25);
    var r =
        new R(
            25,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            tls("TLSv1.3", false, true, days),
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(ViewText.lines(SmtpViews.of(r.result())))
        .anyMatch(l -> l.startsWith("  TLS: ") && l.endsWith(", " + words));
  }

  @ParameterizedTest(name = "port {1}: {0} days -> {2}")
  @CsvSource({
    "-1, 587, FAIL",
    "-1, 25, WARN",
    "0, 25, WARN",
    "13, 587, WARN",
    "14, 25, INFO",
    "29, 25, INFO",
    "30, 25, PASS"
  })
  void expiryThresholds(long days, int port, Status expected) {
    var b = R.ok(port);
    var r =
        new R(
            port,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            tls("TLSv1.3", true, true, days),
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.certificate-expiry")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"TLSv1.3, PASS", "TLSv1.2, PASS", "TLSv1.1, FAIL", "TLSv1, FAIL"})
  void tlsVersion(String protocol, Status expected) {
    var b = R.ok(25);
    var r =
        new R(
            25,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            tls(protocol, true, true, 80),
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.tls-version")).contains(expected);
  }

  @ParameterizedTest(name = "port {0} mode {1} -> {2}")
  @CsvSource({"25, OPPORTUNISTIC, WARN", "587, OPPORTUNISTIC, FAIL", "25, STARTTLS, FAIL"})
  void startTlsNotOffered(int port, TlsMode mode, Status expected) {
    var r =
        new R(
            port,
            mode,
            ext("SIZE 52428800"),
            null,
            StartTls.NOT_OFFERED,
            null,
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.starttls")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SIZE 52428800 | PASS",
        "SIZE 10240000 | PASS",
        "SIZE 5000000 | WARN",
        "SIZE 0 | INFO",
        "SIZE abc | WARN",
        "PIPELINING | INFO"
      })
  void sizeLimit(String keyword, Status expected) {
    var r =
        new R(
            25,
            TlsMode.NONE,
            ext(keyword),
            null,
            StartTls.NOT_ATTEMPTED,
            null,
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.size")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"'AUTH PLAIN,STARTTLS', WARN", "'AUTH PLAIN', FAIL"})
  void authInPlaintext(String keywords, Status expected) {
    var r =
        new R(
            587,
            TlsMode.NONE,
            ext(keywords.split(",")),
            null,
            StartTls.NOT_ATTEMPTED,
            null,
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.plaintext-auth")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "SUCCESS, PASS",
    "FAILED, FAIL",
    "MECHANISM_REFUSED, WARN",
    "SKIPPED_PLAINTEXT, WARN",
    "ERROR, ERROR"
  })
  void authOutcome(AuthOutcome.Result result, Status expected) {
    var b = R.ok(587);
    var auth =
        new AuthOutcome(List.of("PLAIN"), Optional.of("PLAIN"), result, Optional.empty(), "detail");
    var r =
        new R(
            587,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            b.tls(),
            null,
            auth,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.auth")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ACCEPTED, FAIL", "REFUSED, PASS", "TEMPORARY, INFO", "SENDER_REJECTED, INFO"})
  void relay(RelayOutcome.Result result, Status expected) {
    var b = R.ok(25);
    var relay =
        new RelayOutcome(
            result,
            "a@example.com",
            "b@example.net",
            Optional.of(Reply.of(250, "ok")),
            Optional.of(Reply.of(554, "5.7.1 denied")));
    var r =
        new R(
            25,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            b.tls(),
            null,
            null,
            relay,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.open-relay")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"true, true, WARN", "false, true, PASS", "false, false, INFO"})
  void legacyTls(boolean accepted, boolean conclusive, Status expected) {
    var b = R.ok(25);
    var legacy =
        new LegacyTls(
            accepted, accepted ? Optional.of("TLSv1.1") : Optional.empty(), "x", conclusive);
    var r =
        new R(
            25,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            b.tls(),
            legacy,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.tls-legacy")).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"REFUSED, FAIL", "TIMEOUT, ERROR", "UNREACHABLE, ERROR"})
  void connectFailuresStopTheEvaluation(Failure.Kind kind, Status expected) {
    var r =
        new R(
            25,
            TlsMode.OPPORTUNISTIC,
            null,
            null,
            StartTls.NOT_ATTEMPTED,
            null,
            null,
            null,
            null,
            new Failure(Phase.CONNECT, kind, "x"),
            null);
    var findings = SmtpEvaluator.evaluate(r.result(), Switches.WORDS);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).id()).isEqualTo("smtp.connect");
    assertThat(findings.get(0).status()).isEqualTo(expected);
  }

  @Test
  void refusedGreetingAndFailedAuthAreExplainedByTheReplyTable() {
    var reply =
        Reply.of(
            554,
            "5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org");
    var banner =
        new R(
            25,
            TlsMode.OPPORTUNISTIC,
            null,
            null,
            StartTls.NOT_ATTEMPTED,
            null,
            null,
            null,
            null,
            new Failure(Phase.BANNER, Failure.Kind.REJECTED, "x", Optional.of(reply)),
            reply);
    assertThat(remedy(banner.result(), "smtp.banner")).contains("request delisting");

    var b = R.ok(587);
    var auth =
        new AuthOutcome(
            List.of("PLAIN"),
            Optional.of("PLAIN"),
            AuthOutcome.Result.FAILED,
            Optional.of(
                Reply.of(
                    535,
                    "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.")),
            "detail");
    var r =
        new R(
            587,
            b.mode(),
            b.before(),
            b.after(),
            b.startTls(),
            b.tls(),
            null,
            auth,
            null,
            null,
            BANNER);
    assertThat(remedy(r.result(), "smtp.auth")).contains("Set-CASMailbox");
  }

  static String remedy(ProbeResult r, String id) {
    return SmtpEvaluator.evaluate(r, Switches.WORDS).stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .flatMap(Finding::remedy)
        .orElse("");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"421, ERROR", "554, FAIL"})
  void negativeGreeting(int code, Status expected) {
    var reply = Reply.of(code, "go away");
    var r =
        new R(
            25,
            TlsMode.OPPORTUNISTIC,
            null,
            null,
            StartTls.NOT_ATTEMPTED,
            null,
            null,
            null,
            null,
            new Failure(Phase.BANNER, Failure.Kind.REJECTED, "x", Optional.of(reply)),
            reply);
    assertThat(status(r.result(), "smtp.banner")).contains(expected);
    assertThat(status(r.result(), "smtp.ehlo")).isEmpty();
  }

  @Test
  void digestMd5IsObsolete() {
    var r =
        new R(
            587,
            TlsMode.NONE,
            ext("AUTH DIGEST-MD5 PLAIN", "STARTTLS"),
            null,
            StartTls.NOT_ATTEMPTED,
            null,
            null,
            null,
            null,
            null,
            BANNER);
    assertThat(status(r.result(), "smtp.auth-obsolete")).contains(Status.WARN);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "RSA, 2048, SHA256withRSA, PASS",
    "RSA, 1024, SHA256withRSA, WARN",
    "EC,  256,  SHA256withECDSA, PASS",
    "EC,  192,  SHA256withECDSA, WARN",
    "RSA, 4096, SHA1withRSA, WARN",
    "Ed25519, 255, Ed25519, PASS",
  })
  void certificateKeyStrength(String alg, int bits, String sig, Status expected) {
    var cert =
        new CertificateFacts(
            "CN=mx.example",
            "CN=CA",
            List.of("DNS:mx.example"),
            Instant.EPOCH,
            Instant.parse("2030-01-01T00:00:00Z"),
            alg,
            bits,
            sig,
            "ab");
    var t =
        new TlsFacts(
            "TLSv1.3",
            "TLS_AES_128_GCM_SHA256",
            List.of(cert),
            true,
            Optional.empty(),
            "mx.example",
            true,
            80);
    assertThat(TlsFindings.keyStrength(t, "mx.example:25").orElseThrow().status())
        .isEqualTo(expected);
  }

  /**
   * Issue 11 item 17: {@code smtp HOST:465 --starttls} waits for a plaintext greeting that an
   * implicit-TLS server never sends; the finding points at --tls instead of "a tarpit".
   */
  @ParameterizedTest(name = "port {0} {1}")
  @CsvSource({"465, STARTTLS, true", "465, NONE, true", "587, STARTTLS, false", "25, NONE, false"})
  void noGreetingOnPort465InPlaintextHintsAtImplicitTls(int port, TlsMode mode, boolean hint) {
    Failure silent = new Failure(Phase.BANNER, Failure.Kind.TIMEOUT, "no greeting within 5000 ms");
    var r =
        new R(port, mode, null, null, StartTls.NOT_ATTEMPTED, null, null, null, null, silent, null);
    Finding banner =
        SmtpEvaluator.evaluate(r.result(), Switches.WORDS).stream()
            .filter(f -> f.id().equals("smtp.banner"))
            .findFirst()
            .orElseThrow();
    assertThat(banner.status()).isEqualTo(Status.ERROR);
    if (hint) {
      assertThat(banner.remedy())
          .hasValueSatisfying(t -> assertThat(t).contains(Switches.WORDS.implicitTls()));
    } else {
      assertThat(banner.remedy())
          .hasValueSatisfying(
              t ->
                  assertThat(t)
                      .contains(Switches.WORDS.longerTimeout())
                      .doesNotContain(Switches.WORDS.implicitTls()));
    }
  }
}
