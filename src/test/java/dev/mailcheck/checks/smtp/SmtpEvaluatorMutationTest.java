package dev.mailcheck.checks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.AddressAttempt;
import dev.mailcheck.smtp.AuthOutcome;
import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.LegacyTls;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.PhaseTiming;
import dev.mailcheck.smtp.RelayOutcome;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.StartTls;
import dev.mailcheck.smtp.TlsFacts;
import dev.mailcheck.smtp.TlsMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each SMTP finding says, phase by phase, pinned exactly: connect attempts, a refused or
 * missing greeting, EHLO before and after TLS, STARTTLS, the TLS and certificate findings, AUTH,
 * the relay test's evidence, SIZE at its 10 MB threshold, and a session that broke off. Written
 * against the PIT survivors in {@link SmtpEvaluator}, {@link SmtpSessionFindings} and {@link
 * TlsFindings} (issue 19).
 */
class SmtpEvaluatorMutationTest {
  static final Switches SW = Switches.WORDS;

  /** A complete STARTTLS session on port 25; each test changes what it is about. */
  static final class P {
    int port = 25;
    TlsMode mode = TlsMode.OPPORTUNISTIC;
    List<AddressAttempt> attempts =
        List.of(new AddressAttempt("192.0.2.1", 5, Optional.empty(), "192.0.2.1: connected"));
    List<PhaseTiming> timings =
        List.of(new PhaseTiming(Phase.CONNECT, 5, true), new PhaseTiming(Phase.BANNER, 7, true));
    Reply banner = SmtpEvaluatorTest.BANNER;
    Extensions before = SmtpEvaluatorTest.ext("PIPELINING", "SIZE 52428800", "STARTTLS");
    Extensions after = SmtpEvaluatorTest.ext("PIPELINING", "SIZE 52428800", "AUTH PLAIN");
    StartTls startTls = StartTls.OK;
    TlsFacts tls = SmtpEvaluatorTest.tls("TLSv1.3", true, true, 80);
    LegacyTls legacy;
    AuthOutcome auth;
    RelayOutcome relay;
    Failure failure;

    P with(Consumer<P> change) {
      change.accept(this);
      return this;
    }

    List<Finding> findings() {
      return SmtpEvaluator.evaluate(
          SmtpEvaluatorTest.probe(
              port, mode, attempts, timings, banner, before, after, startTls, tls, legacy, auth,
              relay, failure),
          SW);
    }
  }

  static P session(Consumer<P> change) {
    return new P().with(change);
  }

  static List<Finding> of(List<Finding> fs, String id) {
    return fs.stream().filter(f -> f.id().equals(id)).toList();
  }

  static Finding one(List<Finding> fs, String id) {
    List<Finding> m = of(fs, id);
    assertThat(m).as(id + " in " + fs).hasSize(1);
    return m.get(0);
  }

  static Failure failure(Phase phase, Failure.Kind kind, String detail, Reply reply) {
    return new Failure(phase, kind, detail, Optional.ofNullable(reply));
  }

  static CertificateFacts cert(
      String subject, String issuer, List<String> sans, String alg, int bits, String sig) {
    return new CertificateFacts(
        subject,
        issuer,
        sans,
        Instant.EPOCH,
        Instant.parse("2030-01-01T00:00:00Z"),
        alg,
        bits,
        sig,
        "ab");
  }

  static TlsFacts tls(
      String protocol,
      List<CertificateFacts> chain,
      boolean trusted,
      String problem,
      boolean nameOk,
      long days) {
    return new TlsFacts(
        protocol,
        "TLS_AES_128_GCM_SHA256",
        chain,
        trusted,
        Optional.ofNullable(problem),
        "mx.example",
        nameOk,
        days);
  }

  static final CertificateFacts LEAF =
      cert("CN=mx.example", "CN=CA", List.of("DNS:mx.example"), "RSA", 2048, "SHA256withRSA");

  // --- connect ---

  @Test
  void theConnectFindingTellsFailedAddressesBeforeTheOneThatAnswered() {
    Finding plain = one(new P().findings(), "smtp.connect");
    assertThat(plain.title()).isEqualTo("Connected to 192.0.2.1 port 25");
    assertThat(plain.detail()).isEqualTo("TCP connect took 5 ms.");
    assertThat(plain.evidence()).isEmpty();
    Finding after =
        one(
            session(
                    p ->
                        p.attempts =
                            List.of(
                                new AddressAttempt(
                                    "2001:db8::1",
                                    3,
                                    Optional.of(Failure.Kind.UNREACHABLE),
                                    "2001:db8::1: network unreachable"),
                                new AddressAttempt(
                                    "192.0.2.1", 5, Optional.empty(), "192.0.2.1: connected")))
                .findings(),
            "smtp.connect");
    assertThat(after.detail()).isEqualTo("TCP connect took 5 ms after 1 failed address(es).");
    assertThat(after.evidence()).containsExactly("2001:db8::1: network unreachable");
  }

  @Test
  void aRefusedConnectionShowsEveryAttempt() {
    List<Finding> fs =
        session(
                p -> {
                  p.attempts =
                      List.of(
                          new AddressAttempt(
                              "192.0.2.1",
                              1,
                              Optional.of(Failure.Kind.REFUSED),
                              "192.0.2.1: connection refused"));
                  p.failure = failure(Phase.CONNECT, Failure.Kind.REFUSED, "refused", null);
                })
            .findings();
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.FAIL);
              assertThat(f.evidence()).containsExactly("192.0.2.1: connection refused");
            });
  }

  // --- implicit TLS and the handshake ---

  @Test
  void aFailedImplicitTlsHandshakeEndsTheEvaluationWithAPortHint() {
    List<Finding> fs =
        session(
                p -> {
                  p.port = 465;
                  p.mode = TlsMode.IMPLICIT;
                  p.banner = null;
                  p.before = null;
                  p.after = null;
                  p.startTls = StartTls.NOT_ATTEMPTED;
                  p.tls = null;
                  p.failure =
                      failure(
                          Phase.TLS_HANDSHAKE,
                          Failure.Kind.TLS_HANDSHAKE,
                          "handshake_failure",
                          null);
                })
            .findings();
    assertThat(fs).extracting(Finding::id).containsExactly("smtp.connect", "smtp.tls");
    Finding tls = fs.get(1);
    assertThat(tls.status()).isEqualTo(Status.FAIL);
    assertThat(tls.title()).isEqualTo("The TLS handshake failed");
    assertThat(tls.detail()).isEqualTo("handshake_failure.");
    assertThat(tls.remedy())
        .hasValueSatisfying(r -> assertThat(r).startsWith("Port 465 expects TLS"));
  }

  @Test
  void aFailedStartTlsHandshakeOnPort25PointsAtOpenssl() {
    Finding f =
        one(
            session(
                    p -> {
                      p.startTls = StartTls.HANDSHAKE_FAILED;
                      p.tls = null;
                      p.after = null;
                      p.failure =
                          failure(
                              Phase.TLS_HANDSHAKE,
                              Failure.Kind.TLS_HANDSHAKE,
                              "bad_record_mac",
                              null);
                    })
                .findings(),
            "smtp.starttls");
    assertThat(f.remedy())
        .hasValue(
            "Check the server's certificate, key and TLS protocol settings; test with: openssl s_client -starttls smtp -connect HOST:25");
  }

  @Test
  void implicitTlsThatWorksIsAPassOfItsOwn() {
    List<Finding> fs =
        session(
                p -> {
                  p.port = 465;
                  p.mode = TlsMode.IMPLICIT;
                  p.before = null;
                  p.startTls = StartTls.NOT_ATTEMPTED;
                })
            .findings();
    Finding tls = one(fs, "smtp.tls");
    assertThat(tls.status()).isEqualTo(Status.PASS);
    assertThat(tls.title()).isEqualTo("Implicit TLS works");
    assertThat(tls.detail()).isEqualTo("TLSv1.3, TLS_AES_128_GCM_SHA256");
    // EHLO on implicit TLS is the one after the handshake: 3 extensions
    assertThat(one(fs, "smtp.ehlo").title()).isEqualTo("EHLO accepted, 3 extension(s)");
    assertThat(of(new P().findings(), "smtp.tls")).isEmpty();
  }

  // --- greeting ---

  @Test
  void theGreetingTimeIsReported() {
    assertThat(one(new P().findings(), "smtp.banner").detail())
        .isEqualTo("The server greeted within 7 ms.");
  }

  @Test
  void aRefusedGreetingIsExplainedAndAdvisedByItsCode() {
    Finding permanent =
        one(session(p -> p.banner = Reply.of(554, "mx.example")).findings(), "smtp.banner");
    assertThat(permanent.status()).isEqualTo(Status.FAIL);
    assertThat(permanent.detail())
        .endsWith(". RFC 5321 §3.1: a 554 greeting means no SMTP service for this client.");
    assertThat(permanent.remedy())
        .hasValue("Check whether the server blocks your address (RBL, access lists).");
    Finding temporary =
        one(session(p -> p.banner = Reply.of(421, "mx.example")).findings(), "smtp.banner");
    assertThat(temporary.status()).isEqualTo(Status.ERROR);
    assertThat(temporary.detail()).doesNotContain("RFC 5321 §3.1").endsWith(".");
    assertThat(temporary.remedy())
        .hasValue(
            "Try again later; if it persists, check the server's load and connection limits.");
  }

  @Test
  void afterARefusedGreetingStartTlsIsUnknownUnlessTlsCameFirst() {
    List<Finding> opportunistic =
        session(
                p -> {
                  p.banner = Reply.of(554, "mx.example");
                  p.tls = null;
                })
            .findings();
    assertThat(one(opportunistic, "smtp.starttls").status()).isEqualTo(Status.ERROR);
    List<Finding> none =
        session(
                p -> {
                  p.banner = Reply.of(554, "mx.example");
                  p.mode = TlsMode.NONE;
                  p.tls = null;
                })
            .findings();
    assertThat(of(none, "smtp.starttls")).isEmpty();
    List<Finding> implicit =
        session(
                p -> {
                  p.port = 465;
                  p.mode = TlsMode.IMPLICIT;
                  p.banner = Reply.of(421, "mx.example");
                })
            .findings();
    assertThat(one(implicit, "smtp.tls").title()).isEqualTo("Implicit TLS works");
    assertThat(of(implicit, "smtp.starttls")).isEmpty();
  }

  @Test
  void aMissingGreetingIsNamedByWhatHappened() {
    Finding closed =
        one(
            session(
                    p -> {
                      p.banner = null;
                      p.failure = failure(Phase.BANNER, Failure.Kind.CLOSED, "EOF", null);
                    })
                .findings(),
            "smtp.banner");
    assertThat(closed.status()).isEqualTo(Status.ERROR);
    assertThat(closed.title()).isEqualTo("The server closed the connection at greeting");
    assertThat(closed.detail()).isEqualTo("connection closed: EOF.");
    assertThat(closed.remedy()).isEmpty();
    Finding slow =
        one(
            session(
                    p -> {
                      p.banner = null;
                      p.failure = failure(Phase.BANNER, Failure.Kind.TIMEOUT, "no greeting", null);
                    })
                .findings(),
            "smtp.banner");
    assertThat(slow.title()).isEqualTo("No complete greeting reply before the deadline");
    assertThat(slow.remedy())
        .hasValue(
            "A greet-pause longer than the deadline, a tarpit, or an overloaded server. Retry with "
                + SW.longerTimeout()
                + ".");
    // a failure in another phase says nothing about the greeting
    assertThat(
            of(
                session(
                        p -> {
                          p.banner = null;
                          p.mode = TlsMode.STARTTLS;
                          p.failure = failure(Phase.TLS_HANDSHAKE, Failure.Kind.TIMEOUT, "x", null);
                        })
                    .findings(),
                "smtp.banner"))
        .isEmpty();
  }

  // --- EHLO ---

  @Test
  void ehloCountsTheExtensionsOfThePlaintextSession() {
    P p = session(x -> x.after = SmtpEvaluatorTest.ext("AUTH PLAIN"));
    assertThat(one(p.findings(), "smtp.ehlo").title()).isEqualTo("EHLO accepted, 3 extension(s)");
  }

  @Test
  void ehloFailuresAreNamedByPhaseAndKind() {
    List<Finding> afterTls =
        of(
            session(
                    p -> {
                      p.after = null;
                      p.failure =
                          failure(
                              Phase.EHLO_TLS, Failure.Kind.TIMEOUT, "no reply in 5000 ms", null);
                    })
                .findings(),
            "smtp.ehlo");
    assertThat(afterTls).hasSize(2);
    Finding f = afterTls.get(1);
    assertThat(f.status()).isEqualTo(Status.ERROR);
    assertThat(f.title()).isEqualTo("No complete EHLO after TLS reply before the deadline");
    assertThat(f.detail()).isEqualTo("timeout: no reply in 5000 ms.");
    assertThat(f.evidence()).isEmpty();
    assertThat(f.remedy()).isEmpty();

    Reply refusal = Reply.of(550, "5.7.1 go away");
    Finding refused =
        of(
                session(
                        p -> {
                          p.before = null;
                          p.after = null;
                          p.failure = failure(Phase.EHLO, Failure.Kind.REJECTED, "550", refusal);
                        })
                    .findings(),
                "smtp.ehlo")
            .get(0);
    assertThat(refused.status()).isEqualTo(Status.FAIL);
    assertThat(refused.title()).isEqualTo("EHLO was refused");
    assertThat(refused.evidence()).containsExactly("550 5.7.1 go away");
    assertThat(refused.remedy()).isPresent();
    Finding busy =
        of(
                session(
                        p -> {
                          p.before = null;
                          p.after = null;
                          p.failure =
                              failure(
                                  Phase.EHLO,
                                  Failure.Kind.REJECTED,
                                  "421",
                                  Reply.of(421, "4.3.2 busy"));
                        })
                    .findings(),
                "smtp.ehlo")
            .get(0);
    assertThat(busy.status()).isEqualTo(Status.ERROR);

    // a failure after EHLO is not an EHLO finding
    assertThat(
            of(
                session(p -> p.failure = failure(Phase.AUTH, Failure.Kind.TIMEOUT, "x", null))
                    .findings(),
                "smtp.ehlo"))
        .hasSize(1);
  }

  // --- STARTTLS ---

  @Test
  void startTlsThatWorksPointsAtCertificateProblemsOnlyWhenThereAreSome() {
    assertThat(one(new P().findings(), "smtp.starttls").detail())
        .isEqualTo("The TLS handshake completed (TLSv1.3).");
    assertThat(
            one(
                    session(p -> p.tls = SmtpEvaluatorTest.tls("TLSv1.3", false, true, 80))
                        .findings(),
                    "smtp.starttls")
                .detail())
        .isEqualTo(
            "The TLS handshake completed (TLSv1.3); the certificate's problems are under smtp.certificate*.");
  }

  @Test
  void startTlsMissingIsWordedForThePortAndSilentForAHeloOnlyRelay() {
    Consumer<P> notOffered =
        p -> {
          p.startTls = StartTls.NOT_OFFERED;
          p.tls = null;
          p.after = null;
          p.before = SmtpEvaluatorTest.ext("PIPELINING", "SIZE 52428800");
        };
    Finding mx = one(session(notOffered).findings(), "smtp.starttls");
    assertThat(mx.status()).isEqualTo(Status.WARN);
    assertThat(mx.detail()).startsWith("Mail to this server travels unencrypted");
    Finding submission =
        one(session(notOffered.andThen(p -> p.port = 587)).findings(), "smtp.starttls");
    assertThat(submission.status()).isEqualTo(Status.FAIL);
    assertThat(submission.detail())
        .isEqualTo("Clients on this submission port would send passwords and mail in clear text.");
    // HELO only: the EHLO finding says it all on port 25
    List<Finding> helo =
        session(notOffered.andThen(p -> p.before = Extensions.helo(Reply.of(250, "mx.example"))))
            .findings();
    assertThat(of(helo, "smtp.starttls")).isEmpty();
    assertThat(one(helo, "smtp.ehlo").status()).isEqualTo(Status.WARN);
  }

  // --- the session after TLS ---

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "AUTH,  TIMEOUT,         ERROR, timeout",
    "RELAY, MALFORMED_REPLY, FAIL,  malformed reply",
    "RCPT,  CLOSED,          ERROR, connection closed",
    "RCPT,  REJECTED,        ,      ",
    "EHLO,  TIMEOUT,         ,      ",
    "MAIL,  TIMEOUT,         ,      ",
  })
  void aSessionThatBrokeOffIsOneFinding(
      Phase phase, Failure.Kind kind, Status status, String words) {
    List<Finding> fs =
        of(
            session(p -> p.failure = failure(phase, kind, "at " + phase, null)).findings(),
            "smtp.session");
    if (status == null) {
      assertThat(fs).isEmpty();
      return;
    }
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(status);
              assertThat(f.title()).isEqualTo("The session broke off during " + phase.token());
              assertThat(f.detail()).isEqualTo(words + ": at " + phase);
            });
  }

  @Test
  void aRefusedMailFromMeansTheRecipientsWereNotChecked() {
    Finding f =
        one(
            session(
                    p ->
                        p.failure =
                            failure(
                                Phase.MAIL,
                                Failure.Kind.REJECTED,
                                "550",
                                Reply.of(550, "5.7.1 sender refused")))
                .findings(),
            "smtp.rcpt");
    assertThat(f.title()).startsWith("Recipients not checked: MAIL FROM failed");
    assertThat(
            of(
                session(p -> p.failure = failure(Phase.AUTH, Failure.Kind.TIMEOUT, "x", null))
                    .findings(),
                "smtp.rcpt"))
        .isEmpty();
  }

  // --- AUTH ---

  @Test
  void plaintextAuthIsWeighedByWhetherTlsIsOffered() {
    Finding withTls =
        one(
            session(p -> p.before = SmtpEvaluatorTest.ext("STARTTLS", "AUTH PLAIN LOGIN"))
                .findings(),
            "smtp.plaintext-auth");
    assertThat(withTls.status()).isEqualTo(Status.WARN);
    assertThat(withTls.detail())
        .isEqualTo(
            "Before TLS the server offers AUTH PLAIN LOGIN. A client that skips STARTTLS sends its password in clear.");
    Finding withoutTls =
        one(
            session(
                    p -> {
                      p.before = SmtpEvaluatorTest.ext("AUTH PLAIN");
                      p.startTls = StartTls.NOT_OFFERED;
                      p.tls = null;
                      p.after = null;
                    })
                .findings(),
            "smtp.plaintext-auth");
    assertThat(withoutTls.status()).isEqualTo(Status.FAIL);
    assertThat(withoutTls.detail())
        .isEqualTo(
            "Before TLS the server offers AUTH PLAIN. There is no STARTTLS, so passwords can only travel in clear.");
    // no AUTH before or after TLS: nothing to say
    assertThat(
            of(
                session(p -> p.after = SmtpEvaluatorTest.ext("PIPELINING")).findings(),
                "smtp.plaintext-auth"))
        .isEmpty();
  }

  @Test
  void digestMd5OfferedOnlyAfterTlsIsStillObsolete() {
    assertThat(
            of(
                session(p -> p.after = SmtpEvaluatorTest.ext("AUTH DIGEST-MD5 PLAIN")).findings(),
                "smtp.auth-obsolete"))
        .hasSize(1);
  }

  @Test
  void authOutcomesAreWordedForThePortAndTheConnection() {
    AuthOutcome notOffered =
        new AuthOutcome(
            List.of(), Optional.empty(), AuthOutcome.Result.NOT_OFFERED, Optional.empty(), "");
    Finding sub =
        one(
            session(
                    p -> {
                      p.port = 587;
                      p.auth = notOffered;
                    })
                .findings(),
            "smtp.auth");
    assertThat(sub.status()).isEqualTo(Status.FAIL);
    assertThat(sub.remedy())
        .hasValue(
            "Enable SASL authentication on the submission service (Postfix: smtpd_sasl_auth_enable = yes).");
    assertThat(sub.detail()).isEmpty();
    Finding mx = one(session(p -> p.auth = notOffered).findings(), "smtp.auth");
    assertThat(mx.status()).isEqualTo(Status.INFO);
    assertThat(mx.remedy()).isEmpty();

    AuthOutcome skipped =
        new AuthOutcome(
            List.of("PLAIN", "LOGIN"),
            Optional.empty(),
            AuthOutcome.Result.SKIPPED_PLAINTEXT,
            Optional.empty(),
            "not tried");
    Finding overTls = one(session(p -> p.auth = skipped).findings(), "smtp.auth");
    assertThat(overTls.title()).isEqualTo("AUTH not tried: the certificate is not verified");
    assertThat(overTls.detail()).isEqualTo("Not tried. Offered: PLAIN LOGIN.");
    Finding clear =
        one(
            session(
                    p -> {
                      p.auth = skipped;
                      p.tls = null;
                    })
                .findings(),
            "smtp.auth");
    assertThat(clear.title()).isEqualTo("AUTH not tried: the connection is not encrypted");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''              | ''
          '   '           | ''
          ' bad password' | Bad password.
          done.           | Done.
          really?         | Really?
          no!             | No!
          """)
  void detailsAreWholeSentences(String text, String sentence) {
    assertThat(SmtpSessionFindings.sentence(text)).isEqualTo(sentence);
  }

  // --- relay ---

  @Test
  void theRelayEvidenceShowsTheCommandsThatWereSent() {
    RelayOutcome senderRefused =
        new RelayOutcome(
            RelayOutcome.Result.SENDER_REJECTED,
            "a@example.org",
            "b@example.net",
            Optional.of(Reply.of(550, "5.7.1 no")),
            Optional.empty());
    assertThat(one(session(p -> p.relay = senderRefused).findings(), "smtp.open-relay").evidence())
        .containsExactly("MAIL FROM:<a@example.org>", "550 5.7.1 no");
    RelayOutcome refused =
        new RelayOutcome(
            RelayOutcome.Result.REFUSED,
            "a@example.org",
            "b@example.net",
            Optional.of(Reply.of(250, "2.1.0 ok")),
            Optional.of(Reply.of(554, "5.7.1 relay denied")));
    assertThat(one(session(p -> p.relay = refused).findings(), "smtp.open-relay").evidence())
        .containsExactly(
            "MAIL FROM:<a@example.org>",
            "250 2.1.0 ok",
            "RCPT TO:<b@example.net>",
            "554 5.7.1 relay denied");
  }

  // --- SIZE at its threshold (10,000,000 octets) ---

  @ParameterizedTest(name = "SIZE {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          9999999  | WARN | Messages up to 9.5 MiB accepted  | SIZE 9999999. Below 10 MB, common attachments (base64 adds a third) are refused.
          10000000 | PASS | Messages up to 9.5 MiB accepted  | SIZE 10000000.
          52428800 | PASS | Messages up to 50.0 MiB accepted | SIZE 52428800.
          """)
  void sizeBelowTenMegabytesIsAWarning(long size, Status status, String title, String detail) {
    Finding f =
        one(
            session(p -> p.after = SmtpEvaluatorTest.ext("SIZE " + size, "AUTH PLAIN")).findings(),
            "smtp.size");
    assertThat(f.status()).isEqualTo(status);
    assertThat(f.title()).isEqualTo(title);
    assertThat(f.detail()).isEqualTo(detail);
    assertThat(f.remedy().isPresent()).isEqualTo(status == Status.WARN);
  }

  // --- TLS version and certificate ---

  @Test
  void anOldTlsVersionIsExplainedAndANewOneIsNot() {
    Finding old =
        one(
            session(p -> p.tls = SmtpEvaluatorTest.tls("TLSv1", true, true, 80)).findings(),
            "smtp.tls-version");
    assertThat(old.detail())
        .isEqualTo("Cipher suite TLS_AES_128_GCM_SHA256. TLS below 1.2 is deprecated (RFC 8996).");
    assertThat(old.remedy()).hasValue("Enable TLS 1.2 and 1.3 on the server.");
    Finding modern = one(new P().findings(), "smtp.tls-version");
    assertThat(modern.detail()).isEqualTo("Cipher suite TLS_AES_128_GCM_SHA256.");
    assertThat(modern.remedy()).isEmpty();
  }

  @Test
  void theChainIsShownAsEvidenceAndItsKeyJudged() {
    List<Finding> fs = new P().findings();
    assertThat(one(fs, "smtp.certificate").evidence())
        .containsExactly("CN=mx.example  (issuer CN=CA, RSA 2048, until 2030-01-01T00:00:00Z)");
    assertThat(one(fs, "smtp.certificate-key").title()).isEqualTo("Key RSA 2048, SHA256withRSA");
  }

  @Test
  void anUntrustedCertificateIsWordedForThePortAndForAStoppedProbe() {
    Failure stop =
        failure(Phase.TLS_HANDSHAKE, Failure.Kind.CERTIFICATE, "certificate refused", null);
    TlsFacts untrusted = SmtpEvaluatorTest.tls("TLSv1.3", false, true, 80);
    Finding sub =
        one(
            session(
                    p -> {
                      p.port = 587;
                      p.tls = untrusted;
                      p.after = null;
                      p.failure = stop;
                    })
                .findings(),
            "smtp.certificate");
    assertThat(sub.status()).isEqualTo(Status.FAIL);
    assertThat(sub.title())
        .isEqualTo("Certificate is not trusted (stopped; " + SW.insecure() + " goes on)");
    assertThat(sub.detail())
        .isEqualTo(
            "self-signed certificate not in the trust store. The TLS handshake itself completed; the probe stopped after it because submission clients verify the certificate. With "
                + SW.insecure()
                + " it goes on to see the rest. Mail clients will refuse or warn.");
    // port 25, and a failure of another kind: not stopped by the certificate
    Finding mx =
        one(
            session(
                    p -> {
                      p.tls = untrusted;
                      p.failure = failure(Phase.AUTH, Failure.Kind.TIMEOUT, "x", null);
                    })
                .findings(),
            "smtp.certificate");
    assertThat(mx.status()).isEqualTo(Status.WARN);
    assertThat(mx.title()).isEqualTo("Certificate is not trusted");
    assertThat(mx.detail())
        .startsWith(
            "self-signed certificate not in the trust store. TLS on port 25 is opportunistic");
  }

  @Test
  void aNameMismatchListsTheNamesAndSaysWhenItStoppedTheProbe() {
    CertificateFacts noSans =
        cert("CN=other.example", "CN=CA", List.of(), "RSA", 2048, "SHA256withRSA");
    Finding bySubject =
        one(
            session(p -> p.tls = tls("TLSv1.3", List.of(noSans), true, null, false, 80)).findings(),
            "smtp.certificate-name");
    assertThat(bySubject.title()).isEqualTo("Certificate does not match mx.example");
    assertThat(bySubject.detail()).isEqualTo("Names in the certificate: CN=other.example.");
    Finding stopped =
        one(
            session(
                    p -> {
                      p.port = 587;
                      p.after = null;
                      p.tls = SmtpEvaluatorTest.tls("TLSv1.3", true, false, 80);
                      p.failure =
                          failure(Phase.TLS_HANDSHAKE, Failure.Kind.CERTIFICATE, "name", null);
                    })
                .findings(),
            "smtp.certificate-name");
    assertThat(stopped.detail())
        .isEqualTo(
            "Names in the certificate: DNS:mx.example. The TLS handshake itself completed; the probe stopped after it because submission clients check the name. With "
                + SW.insecure()
                + " it goes on to see the rest.");
  }

  @ParameterizedTest(name = "{0} days on port {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -1 | 25  | WARN | Certificate expired on 2030-01-01 | notAfter 2030-01-01T00:00:00Z. On port 25 senders still deliver over it (opportunistic TLS), unless the domain enforces TLS with MTA-STS in enforce mode or DANE.
          -1 | 587 | FAIL | Certificate expired on 2030-01-01 | notAfter 2030-01-01T00:00:00Z.
          0  | 25  | WARN | Certificate expires in 0 day(s)   | notAfter 2030-01-01T00:00:00Z.
          """)
  void expiryAroundDayZero(long days, int port, Status status, String title, String detail) {
    Finding f =
        one(
            session(
                    p -> {
                      p.port = port;
                      p.tls = SmtpEvaluatorTest.tls("TLSv1.3", true, true, days);
                    })
                .findings(),
            "smtp.certificate-expiry");
    assertThat(f.status()).isEqualTo(status);
    assertThat(f.title()).isEqualTo(title);
    assertThat(f.detail()).isEqualTo(detail);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "RSA, 2047, WARN",
    "RSA, 2048, PASS",
    "RSA, 0,    PASS",
    "DSA, 1024, WARN",
    "EC,  255,  WARN",
    "EC,  256,  PASS",
    "EC,  0,    PASS",
  })
  void keySizesAtTheirThresholds(String alg, int bits, Status status) {
    CertificateFacts c =
        cert("CN=mx.example", "CN=CA", List.of("DNS:mx.example"), alg, bits, "SHA256withRSA");
    Optional<Finding> f =
        TlsFindings.keyStrength(tls("TLSv1.3", List.of(c), true, null, true, 80), "s");
    assertThat(f).get().satisfies(x -> assertThat(x.status()).isEqualTo(status));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          certificate expired on 2024-01-01               | Renew the certificate and reload the server (e.g. certbot renew, then postfix reload).
          certificate not valid before 2031-01-01         | The certificate is not valid yet: check the server's clock, or install a certificate whose validity has begun.
          self-signed certificate                         | Replace the self-signed certificate with one from a public CA (e.g. Let's Encrypt), served with its intermediates.
          unable to find valid certification path         | Serve a certificate from a public CA with the full chain (leaf first, then intermediates), e.g. Postfix smtpd_tls_chain_files.
          """)
  void theTrustRemedyFitsTheProblem(String problem, String remedy) {
    assertThat(TlsFindings.trustRemedy(problem)).isEqualTo(remedy);
    Finding f =
        one(
            session(p -> p.tls = tls("TLSv1.3", List.of(LEAF), false, problem, true, 80))
                .findings(),
            "smtp.certificate");
    assertThat(f.remedy()).hasValue(remedy);
  }
}
