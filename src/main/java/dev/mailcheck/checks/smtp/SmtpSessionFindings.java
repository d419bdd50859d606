package dev.mailcheck.checks.smtp;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.AuthOutcome;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.ReplyExplanations;
import dev.mailcheck.smtp.TlsMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The findings about what a session offers once it is established: AUTH before and with TLS, the
 * relay test and the SIZE limit. Part of {@link SmtpEvaluator}.
 */
final class SmtpSessionFindings {
  private SmtpSessionFindings() {}

  static void plaintextAuth(ProbeResult r, String subject, List<Finding> out) {
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

  static void auth(ProbeResult r, String subject, List<Finding> out) {
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
                      a.reply()
                          .map(rep -> ReplyExplanations.explain(rep).remedy())
                          .orElse(
                              "Check the user name and password; for 535 5.7.8 the server rejected the credentials."));
          case MECHANISM_REFUSED ->
              Finding.of(FindingId.SMTP_AUTH, Status.WARN, "No usable AUTH mechanism");
          case NOT_OFFERED ->
              Finding.of(
                      FindingId.SMTP_AUTH,
                      SmtpEvaluator.submission(r) ? Status.FAIL : Status.INFO,
                      "AUTH is not offered")
                  .remedy(
                      SmtpEvaluator.submission(r)
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

  static void relay(ProbeResult r, String subject, List<Finding> out) {
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

  static void size(ProbeResult r, String subject, List<Finding> out) {
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
      boolean small = bytes < SmtpEvaluator.SMALL_SIZE;
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
}
