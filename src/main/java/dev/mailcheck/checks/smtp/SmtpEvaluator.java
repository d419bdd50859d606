package dev.mailcheck.checks.smtp;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.AuthOutcome;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.TlsMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Probe facts in, findings out. Pure and deterministic: the probe already did the clock work. */
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

  public static List<Finding> evaluate(ProbeResult r) {
    var out = new ArrayList<Finding>();
    String subject = subject(r);
    Optional<Failure> failure = r.failure();

    // DNS and connect
    if (failure.isPresent()
        && (failure.get().phase() == Phase.DNS || failure.get().phase() == Phase.CONNECT)) {
      out.add(connectFailure(r, failure.get(), subject));
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

    banner(r, failure, subject, out);
    if (r.banner().isEmpty() || r.banner().get().code() != 220) {
      if (r.tls().isPresent()) TlsFindings.add(r, subject, out);
      else if (r.tlsMode() != TlsMode.NONE && r.tlsMode() != TlsMode.IMPLICIT)
        out.add(tlsUndetermined(r, subject));
      return out;
    }
    ehlo(r, failure, subject, out);
    startTls(r, failure, subject, out);
    if (r.tls().isPresent()) TlsFindings.add(r, subject, out);
    plaintextAuth(r, subject, out);
    auth(r, subject, out);
    relay(r, subject, out);
    size(r, subject, out);
    failure
        .filter(f -> f.phase() == Phase.AUTH || f.phase() == Phase.RELAY)
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

  private static Finding connectFailure(ProbeResult r, Failure f, String subject) {
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
                      + " is a lab or internal server you mean to probe, run again with --allow-private.")
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
      ProbeResult r, Optional<Failure> failure, String subject, List<Finding> out) {
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
                .remedy(
                    b.transientNegative()
                        ? "Try again later; if it persists, check the server's load and connection limits."
                        : "Check whether the server blocks your address (RBL, access lists).")
                .subject(subject)
                .evidence(b.wireLines())
                .build());
      }
      return;
    }
    failure
        .filter(f -> f.phase() == Phase.BANNER)
        .ifPresent(f -> out.add(protocolFailure(FindingId.SMTP_BANNER, "greeting", f, subject)));
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

  private static void plaintextAuth(ProbeResult r, String subject, List<Finding> out) {
    if (r.tlsMode() == TlsMode.IMPLICIT || r.ehlo().isEmpty() || r.ehlo().get().helo()) return;
    Extensions plain = r.ehlo().get();
    List<String> mechs = plain.authMechanisms();
    if (mechs.isEmpty()) {
      if (r.ehloTls().map(e -> !e.authMechanisms().isEmpty()).orElse(false)) {
        out.add(
            Finding.of(
                    FindingId.SMTP_PLAINTEXT_AUTH,
                    Status.PASS,
                    "AUTH is offered only after STARTTLS")
                .subject(subject)
                .build());
      }
      return;
    }
    boolean tlsOffered = plain.has("STARTTLS");
    out.add(
        Finding.of(
                FindingId.SMTP_PLAINTEXT_AUTH,
                tlsOffered ? Status.WARN : Status.FAIL,
                "AUTH is offered on an unencrypted connection")
            .detail(
                "Before TLS the server offers AUTH "
                    + String.join(" ", mechs)
                    + "."
                    + (tlsOffered
                        ? " A client that skips STARTTLS sends its password in clear."
                        : " There is no STARTTLS, so passwords can only travel in clear."))
            .remedy(
                "Offer AUTH only after TLS, e.g. Postfix: smtpd_tls_auth_only = yes; Dovecot: disable_plaintext_auth = yes.")
            .subject(subject)
            .evidence("250 AUTH " + String.join(" ", mechs))
            .build());
  }

  private static void auth(ProbeResult r, String subject, List<Finding> out) {
    List<String> all = new ArrayList<>();
    r.ehlo().ifPresent(e -> all.addAll(e.authMechanisms()));
    r.ehloTls().ifPresent(e -> all.addAll(e.authMechanisms()));
    if (all.contains("DIGEST-MD5")) {
      out.add(
          Finding.of(
                  FindingId.SMTP_AUTH_OBSOLETE,
                  Status.WARN,
                  "Obsolete mechanism DIGEST-MD5 is offered")
              .detail(
                  "DIGEST-MD5 was moved to Historic by RFC 6331: weak and rarely interoperable.")
              .remedy(
                  "Remove DIGEST-MD5 from the offered mechanisms (Dovecot: auth_mechanisms; Cyrus: mech_list).")
              .subject(subject)
              .build());
    }
    if (r.auth().isEmpty()) return;
    AuthOutcome a = r.auth().get();
    String mech = a.attempted().orElse("");
    List<String> ev = a.reply().map(Reply::wireLines).orElse(List.of());
    Finding.Builder b =
        switch (a.result()) {
          case SUCCESS ->
              Finding.of(FindingId.SMTP_AUTH, Status.PASS, "AUTH " + mech + " succeeded");
          case FAILED ->
              Finding.of(FindingId.SMTP_AUTH, Status.FAIL, "AUTH " + mech + " failed")
                  .remedy(
                      "Check the user name and password; for 535 5.7.8 the server rejected the credentials.");
          case MECHANISM_REFUSED ->
              Finding.of(FindingId.SMTP_AUTH, Status.WARN, "No usable AUTH mechanism");
          case NOT_OFFERED ->
              Finding.of(
                      FindingId.SMTP_AUTH,
                      submission(r) ? Status.FAIL : Status.INFO,
                      "AUTH is not offered")
                  .remedy(
                      submission(r)
                          ? "Enable SASL authentication on the submission service (Postfix: smtpd_sasl_auth_enable = yes)."
                          : null);
          case SKIPPED_PLAINTEXT ->
              Finding.of(
                  FindingId.SMTP_AUTH,
                  Status.WARN,
                  r.tls().isPresent()
                      ? "AUTH not tried: the certificate is not verified"
                      : "AUTH not tried: the connection is not encrypted");
          case ERROR ->
              Finding.of(FindingId.SMTP_AUTH, Status.ERROR, "AUTH " + mech + " could not complete");
        };
    out.add(
        b.detail(
                sentence(a.detail())
                    + (a.offered().isEmpty()
                        ? ""
                        : " Offered: " + String.join(" ", a.offered()) + "."))
            .subject(subject)
            .evidence(ev)
            .build());
  }

  /** {@code text} as a sentence: first letter upper case, ending with a full stop. */
  static String sentence(String text) {
    String t = text.strip();
    if (t.isEmpty()) return t;
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    char last = t.charAt(t.length() - 1);
    return last == '.' || last == '!' || last == '?' ? t : t + ".";
  }

  private static void relay(ProbeResult r, String subject, List<Finding> out) {
    r.relay()
        .ifPresent(
            rel -> {
              List<String> ev = new ArrayList<>();
              ev.add("MAIL FROM:<" + rel.from() + ">");
              rel.mailReply().ifPresent(m -> ev.addAll(m.wireLines()));
              if (rel.rcptReply().isPresent()) {
                ev.add("RCPT TO:<" + rel.to() + ">");
                ev.addAll(rel.rcptReply().get().wireLines());
              }
              Finding.Builder b =
                  switch (rel.result()) {
                    case ACCEPTED ->
                        Finding.of(
                                FindingId.SMTP_OPEN_RELAY,
                                Status.FAIL,
                                "Open relay: a foreign recipient was accepted without authentication")
                            .detail(
                                "Anyone can send mail through this server to any domain; it will be abused for spam and blocklisted.")
                            .remedy(
                                "Restrict relaying to authenticated clients and your own networks, e.g. Postfix: smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination.");
                    case REFUSED ->
                        Finding.of(
                                FindingId.SMTP_OPEN_RELAY,
                                Status.PASS,
                                "Relaying to a foreign domain is refused")
                            .detail(rel.rcptReply().map(Reply::explained).orElse("") + ".");
                    case TEMPORARY ->
                        Finding.of(
                                FindingId.SMTP_OPEN_RELAY,
                                Status.INFO,
                                "Relay test inconclusive: temporary refusal")
                            .detail(
                                rel.rcptReply().map(Reply::explained).orElse("")
                                    + " (greylisting or rate limiting).");
                    case SENDER_REJECTED ->
                        Finding.of(
                                FindingId.SMTP_OPEN_RELAY,
                                Status.INFO,
                                "Relay test inconclusive: the test sender was refused")
                            .detail(rel.mailReply().map(Reply::explained).orElse("") + ".");
                    case ERROR ->
                        Finding.of(
                            FindingId.SMTP_OPEN_RELAY,
                            Status.ERROR,
                            "Relay test could not complete");
                  };
              out.add(b.subject(subject).evidence(ev).build());
            });
  }

  private static void size(ProbeResult r, String subject, List<Finding> out) {
    Optional<Extensions> ext = r.effectiveExtensions();
    if (ext.isEmpty() || ext.get().helo()) return;
    OptionalLong size = ext.get().size();
    if (!ext.get().has("SIZE")) {
      out.add(
          Finding.of(FindingId.SMTP_SIZE, Status.INFO, "No SIZE limit advertised")
              .detail(
                  "Without SIZE (RFC 1870) senders learn of a size limit only after transferring the whole message.")
              .subject(subject)
              .build());
    } else if (size.isEmpty()) {
      out.add(
          Finding.of(FindingId.SMTP_SIZE, Status.WARN, "SIZE parameter is not a number")
              .detail("EHLO says: SIZE " + ext.get().parameter("SIZE").orElse("") + ".")
              .subject(subject)
              .build());
    } else if (size.getAsLong() == 0) {
      out.add(
          Finding.of(FindingId.SMTP_SIZE, Status.INFO, "SIZE advertised without a fixed limit")
              .subject(subject)
              .build());
    } else {
      long bytes = size.getAsLong();
      String mb = String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
      boolean small = bytes < SMALL_SIZE;
      out.add(
          Finding.of(
                  FindingId.SMTP_SIZE,
                  small ? Status.WARN : Status.PASS,
                  "Messages up to " + mb + " accepted")
              .detail(
                  "SIZE "
                      + bytes
                      + (small
                          ? ". Below 10 MB, common attachments (base64 adds a third) are refused."
                          : "."))
              .remedy(
                  small ? "Raise the limit, e.g. Postfix: message_size_limit = 52428800." : null)
              .subject(subject)
              .build());
    }
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
    if (f.kind() == Failure.Kind.TIMEOUT && id == FindingId.SMTP_BANNER) {
      b.remedy(
          "A greet-pause longer than --timeout, a tarpit, or an overloaded server. Retry with a longer --timeout.");
    }
    f.reply().ifPresent(rep -> b.evidence(rep.wireLines()));
    return b.build();
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
