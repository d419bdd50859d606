package dev.mailcheck.checks.smtp;

import dev.mailcheck.checks.send.SendEvaluator;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.DeliveryProblem;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.ReplyExplanations;
import dev.mailcheck.smtp.TlsMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Probe facts in, findings out. Pure and deterministic: the probe already did the clock work.
 *
 * <p>Over the ~300-line guide on purpose: one probe judged phase by phase (connect, greeting, EHLO,
 * STARTTLS), each phase's verdict depending on how the earlier ones ended; session and TLS findings
 * already live in SmtpSessionFindings and TlsFindings.
 */
public final class SmtpEvaluator {
  /**
   * Below this SIZE limit a warning: common attachments do not fit. 10 MB (decimal), so that
   * Postfix's default {@code message_size_limit = 10240000} passes.
   */
  static final long SMALL_SIZE = 10_000_000L;

  private SmtpEvaluator() {}

  /**
   * True for submission (RFC 6409 587, RFC 8314 465 or implicit TLS), where clients verify
   * certificates and send passwords; see {@link dev.mailcheck.smtp.ProbeRequest#submission}.
   */
  static boolean submission(ProbeResult r) {
    return dev.mailcheck.smtp.ProbeRequest.submission(r.port(), r.tlsMode());
  }

  /**
   * Every finding of one probe, phase by phase (session findings in {@link SmtpSessionFindings},
   * TLS in {@link TlsFindings}).
   */
  public static List<Finding> evaluate(ProbeResult r, Switches sw) {
    var out = new ArrayList<Finding>();
    String subject = subject(r);
    Optional<Failure> failure = r.failure();

    // DNS and connect
    if (failure.isPresent()
        && (failure.get().phase() == Phase.DNS || failure.get().phase() == Phase.CONNECT)) {
      out.add(connectFailure(r, failure.get(), subject, sw));
      return out;
    }
    long connectMs = r.timing(Phase.CONNECT).map(p -> p.millis()).orElse(0L);
    var connected =
        Finding.of(
                FindingId.SMTP_CONNECT,
                Status.PASS,
                "Connected to " + r.address().orElse("?") + " port " + r.port())
            .detail("TCP connect took " + connectMs + " ms.")
            .subject(subject);
    List<String> failedAttempts =
        r.attempts().stream().filter(a -> !a.connected()).map(a -> a.detail()).toList();
    if (!failedAttempts.isEmpty()) {
      connected
          .detail(
              "TCP connect took "
                  + connectMs
                  + " ms after "
                  + failedAttempts.size()
                  + " failed address(es).")
          .evidence(failedAttempts);
    }
    out.add(connected.build());

    // implicit TLS happens before the greeting
    if (r.tlsMode() == TlsMode.IMPLICIT
        && failure.isPresent()
        && failure.get().phase() == Phase.TLS_HANDSHAKE
        && r.tls().isEmpty()) {
      out.add(TlsFindings.failure(FindingId.SMTP_TLS, failure.get(), subject, r.port()));
      return out;
    }

    banner(r, failure, subject, out, sw);
    if (r.banner().isEmpty() || r.banner().get().code() != 220) {
      if (r.tls().isPresent()) TlsFindings.add(r, subject, out, sw);
      else if (r.tlsMode() != TlsMode.NONE && r.tlsMode() != TlsMode.IMPLICIT)
        out.add(tlsUndetermined(r, subject));
      return out;
    }
    ehlo(r, failure, subject, out);
    startTls(r, failure, subject, out);
    if (r.tls().isPresent()) TlsFindings.add(r, subject, out, sw);
    SmtpSessionFindings.plaintextAuth(r, subject, out);
    SmtpSessionFindings.auth(r, subject, out);
    SmtpSessionFindings.relay(r, subject, out);
    SmtpSessionFindings.size(r, subject, out);
    recipients(r, subject, out);
    failure
        .filter(
            f ->
                f.phase() == Phase.AUTH
                    || f.phase() == Phase.RELAY
                    || f.phase() == Phase.RCPT && f.kind() != Failure.Kind.REJECTED)
        .ifPresent(
            f ->
                out.add(
                    Finding.of(
                            FindingId.SMTP_SESSION,
                            f.temporary() ? Status.ERROR : Status.FAIL,
                            "The session broke off during " + f.phase().token())
                        .detail(kindWords(f) + ": " + f.detail())
                        .subject(subject)
                        .build()));
    return out;
  }

  /**
   * The recipient check ({@code smtp --rcpt}): one {@code smtp.rcpt} per RCPT TO, each refusal
   * explained; a refused MAIL FROM or a missing SMTPUTF8 is one {@code smtp.rcpt} for all.
   */
  private static void recipients(ProbeResult r, String subject, List<Finding> out) {
    var tx = r.transaction();
    var f = r.failure().filter(x -> x.phase() == Phase.MAIL);
    if (f.isPresent()) {
      out.add(
          SendEvaluator.failure(
              FindingId.SMTP_RCPT, "Recipients not checked: MAIL FROM failed", f.get(), subject));
      return;
    }
    if (tx.isEmpty()) return;
    for (var rc : tx.get().recipients())
      out.add(SendEvaluator.recipient(FindingId.SMTP_RCPT, rc, subject));
  }

  /**
   * A server that never got as far as EHLO (no greeting, a 421, a tarpit) cannot show STARTTLS:
   * that is not known, and must not score better than a server that answered without STARTTLS.
   */
  private static Finding tlsUndetermined(ProbeResult r, String subject) {
    return Finding.of(
            FindingId.SMTP_STARTTLS,
            Status.ERROR,
            "STARTTLS could not be checked: the session ended before EHLO")
        .detail(
            "Without a 220 greeting and an EHLO reply it is unknown whether the server offers STARTTLS; senders that get the same treatment cannot deliver at all.")
        .subject(subject)
        .build();
  }

  static String subject(ProbeResult r) {
    String host = r.host().contains(":") ? "[" + r.host() + "]" : r.host();
    return host + ":" + r.port();
  }

  private static Finding connectFailure(ProbeResult r, Failure f, String subject, Switches sw) {
    List<String> ev = r.attempts().stream().map(a -> a.detail()).toList();
    return switch (f.kind()) {
      case REFUSED ->
          Finding.of(FindingId.SMTP_CONNECT, Status.FAIL, "Connection refused on port " + r.port())
              .detail("Nothing accepts connections there: " + f.detail() + ".")
              .remedy(PortHints.refused(r.port()))
              .subject(subject)
              .evidence(ev)
              .build();
      case TIMEOUT ->
          Finding.of(
                  FindingId.SMTP_CONNECT,
                  Status.ERROR,
                  "No answer on port " + r.port() + " (filtered or down)")
              .detail(
                  f.detail()
                      + ". A firewall drops the packets, the host is down, or (port 25) your network blocks outbound SMTP.")
              .remedy(PortHints.filtered(r.port()))
              .subject(subject)
              .evidence(ev)
              .build();
      case PRIVATE_ADDRESS ->
          Finding.of(
                  FindingId.SMTP_CONNECT,
                  Status.ERROR,
                  "Not contacted: " + r.host() + " resolves only to non-public addresses")
              .detail(f.detail() + ".")
              .remedy(
                  "If "
                      + r.host()
                      + " is a lab or internal server you mean to probe, run again with "
                      + sw.allowPrivate()
                      + ".")
              .subject(subject)
              .build();
      case DNS ->
          Finding.of(FindingId.SMTP_CONNECT, Status.ERROR, "Could not resolve " + r.host())
              .detail(f.detail() + ".")
              .subject(subject)
              .build();
      default ->
          Finding.of(FindingId.SMTP_CONNECT, Status.ERROR, "Could not connect to port " + r.port())
              .detail(f.detail() + ".")
              .subject(subject)
              .evidence(ev)
              .build();
    };
  }

  private static void banner(
      ProbeResult r, Optional<Failure> failure, String subject, List<Finding> out, Switches sw) {
    if (r.banner().isPresent()) {
      Reply b = r.banner().get();
      if (b.code() == 220) {
        out.add(
            Finding.of(FindingId.SMTP_BANNER, Status.PASS, "Greeting received")
                .detail(
                    "The server greeted within "
                        + r.timing(Phase.BANNER).map(p -> p.millis()).orElse(0L)
                        + " ms.")
                .subject(subject)
                .evidence(b.wireLines())
                .build());
      } else {
        Status st = b.transientNegative() ? Status.ERROR : Status.FAIL;
        out.add(
            Finding.of(FindingId.SMTP_BANNER, st, "The server refuses sessions: " + b.code())
                .detail(
                    b.explained()
                        + (b.code() == 554
                            ? ". RFC 5321 §3.1: a 554 greeting means no SMTP service for this client."
                            : "."))
                .remedy(bannerRemedy(b))
                .subject(subject)
                .evidence(b.wireLines())
                .build());
      }
      return;
    }
    failure
        .filter(f -> f.phase() == Phase.BANNER)
        .map(f -> greetingFailure(f, subject, sw))
        .map(f -> r.port() == 465 && r.tlsMode() != TlsMode.IMPLICIT ? implicitTlsHint(f, sw) : f)
        .ifPresent(out::add);
  }

  /**
   * Port 465 is implicit TLS (RFC 8314 §3.3): the server waits for a TLS handshake and never greets
   * a plaintext client, so no greeting there most likely means the wrong mode, not a tarpit.
   */
  private static Finding implicitTlsHint(Finding f, Switches sw) {
    return new Finding(
        f.kind(),
        f.status(),
        f.title(),
        f.detail(),
        Optional.of(
            "Port 465 speaks TLS from the first byte (implicit TLS, RFC 8314) and sends no"
                + " plaintext greeting: probe it with implicit TLS ("
                + sw.implicitTls()
                + ")."),
        f.subject(),
        f.evidence());
  }

  private static void ehlo(
      ProbeResult r, Optional<Failure> failure, String subject, List<Finding> out) {
    Optional<Extensions> first = r.tlsMode() == TlsMode.IMPLICIT ? r.ehloTls() : r.ehlo();
    if (first.isPresent()) {
      Extensions e = first.get();
      if (e.helo()) {
        out.add(
            Finding.of(FindingId.SMTP_EHLO, Status.WARN, "EHLO refused; only HELO works")
                .detail(
                    "The server speaks plain RFC 821 SMTP: no extensions, so no STARTTLS, SIZE, 8BITMIME or AUTH.")
                .remedy("Enable ESMTP (EHLO) on the server.")
                .subject(subject)
                .build());
      } else {
        out.add(
            Finding.of(
                    FindingId.SMTP_EHLO,
                    Status.PASS,
                    "EHLO accepted, " + e.keywords().size() + " extension(s)")
                .detail(String.join(", ", e.keywords().keySet()))
                .subject(subject)
                .evidence(e.lines())
                .build());
      }
    }
    failure
        .filter(f -> f.phase() == Phase.EHLO || f.phase() == Phase.EHLO_TLS)
        .ifPresent(
            f ->
                out.add(
                    protocolFailure(
                        FindingId.SMTP_EHLO,
                        f.phase() == Phase.EHLO_TLS ? "EHLO after TLS" : "EHLO",
                        f,
                        subject)));
  }

  private static void startTls(
      ProbeResult r, Optional<Failure> failure, String subject, List<Finding> out) {
    boolean sub = submission(r);
    switch (r.startTls()) {
      case OK ->
          out.add(
              Finding.of(FindingId.SMTP_STARTTLS, Status.PASS, "STARTTLS works")
                  .detail(
                      r.tls()
                          .map(
                              t ->
                                  "The TLS handshake completed ("
                                      + t.protocol()
                                      + ")"
                                      + (t.trusted() && t.nameMatches()
                                          ? "."
                                          : "; the certificate's problems are under smtp.certificate*."))
                          .orElse("The TLS handshake completed."))
                  .subject(subject)
                  .build());
      case NOT_OFFERED -> {
        if (r.ehlo().map(Extensions::helo).orElse(false)
            && r.tlsMode() == TlsMode.OPPORTUNISTIC
            && !sub) return;
        Status st = sub || r.tlsMode() == TlsMode.STARTTLS ? Status.FAIL : Status.WARN;
        out.add(
            Finding.of(FindingId.SMTP_STARTTLS, st, "STARTTLS is not offered")
                .detail(
                    sub
                        ? "Clients on this submission port would send passwords and mail in clear text."
                        : "Mail to this server travels unencrypted; senders requiring TLS (MTA-STS, DANE, REQUIRETLS) cannot deliver.")
                .remedy(
                    "Enable TLS on the server, e.g. Postfix: smtpd_tls_cert_file, smtpd_tls_key_file, smtpd_tls_security_level = may (port 25) or encrypt (587).")
                .subject(subject)
                .build());
      }
      case REFUSED ->
          out.add(
              Finding.of(FindingId.SMTP_STARTTLS, Status.FAIL, "STARTTLS is advertised but refused")
                  .detail(
                      r.startTlsReply().map(Reply::explained).orElse("negative reply")
                          + ". Senders that saw STARTTLS in EHLO expect it to work; many fall back to clear text, strict ones defer the mail.")
                  .remedy(
                      "Check the server's TLS setup (certificate and key files readable, TLS library working) or stop advertising STARTTLS.")
                  .subject(subject)
                  .evidence(r.startTlsReply().map(Reply::wireLines).orElse(List.of()))
                  .build());
      case HANDSHAKE_FAILED ->
          failure.ifPresent(
              f -> out.add(TlsFindings.failure(FindingId.SMTP_STARTTLS, f, subject, r.port())));
      case NOT_ATTEMPTED -> {
        // implicit TLS, TLS off, or the session ended before
      }
    }
  }

  private static Finding greetingFailure(Failure f, String subject, Switches sw) {
    Finding p = protocolFailure(FindingId.SMTP_BANNER, "greeting", f, subject);
    if (f.kind() != Failure.Kind.TIMEOUT) return p;
    return new Finding(
        p.kind(),
        p.status(),
        p.title(),
        p.detail(),
        Optional.of(
            "A greet-pause longer than the deadline, a tarpit, or an overloaded server. Retry with "
                + sw.longerTimeout()
                + "."),
        p.subject(),
        p.evidence());
  }

  private static Finding protocolFailure(FindingId id, String what, Failure f, String subject) {
    Status st =
        switch (f.kind()) {
          case TIMEOUT, CLOSED, IO -> Status.ERROR;
          case REJECTED ->
              f.reply().map(Reply::transientNegative).orElse(false) ? Status.ERROR : Status.FAIL;
          default -> Status.FAIL;
        };
    String title =
        switch (f.kind()) {
          case TIMEOUT -> "No complete " + what + " reply before the deadline";
          case CLOSED -> "The server closed the connection at " + what;
          case LINE_TOO_LONG, REPLY_TOO_LARGE, MALFORMED_REPLY ->
              "The " + what + " reply is not valid SMTP";
          case REJECTED -> what + " was refused";
          default -> what + " failed";
        };
    var b =
        Finding.of(id, st, title).detail(kindWords(f) + ": " + f.detail() + ".").subject(subject);
    f.reply().ifPresent(rep -> b.evidence(rep.wireLines()));
    if (f.kind() == Failure.Kind.REJECTED)
      f.reply().ifPresent(rep -> b.remedy(ReplyExplanations.explain(rep).remedy()));
    return b.build();
  }

  /**
   * The explanation table's remedy when it knows the reply (a blocklist, a rate limit), else the
   * general advice for a refused greeting.
   */
  private static String bannerRemedy(Reply b) {
    var e = ReplyExplanations.explain(b);
    if (e.kind() != DeliveryProblem.OTHER) return e.remedy();
    return b.transientNegative()
        ? "Try again later; if it persists, check the server's load and connection limits."
        : "Check whether the server blocks your address (RBL, access lists).";
  }

  private static String kindWords(Failure f) {
    return switch (f.kind()) {
      case TIMEOUT -> "timeout";
      case CLOSED -> "connection closed";
      case LINE_TOO_LONG -> "line too long";
      case REPLY_TOO_LARGE -> "reply too large";
      case MALFORMED_REPLY -> "malformed reply";
      case REJECTED -> "rejected";
      default -> f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }
}
