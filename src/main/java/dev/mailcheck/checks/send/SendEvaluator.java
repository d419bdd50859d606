package dev.mailcheck.checks.send;

import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.AuthOutcome;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.ReplyExplanations;
import dev.mailcheck.smtp.Stage;
import dev.mailcheck.smtp.Transaction;
import dev.mailcheck.smtp.TransactionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts of a delivery in, {@code send.*} findings out: per attempt the stages it reached, each
 * refusal explained by the reply table, then one {@code send.delivered} for the whole delivery.
 * Pure.
 *
 * <p>Over the ~300-line guide on purpose: one delivery judged stage by stage (connect, AUTH, MAIL,
 * each RCPT, DATA) per attempt, each stage's finding depending on how the earlier ones ended, then
 * the outcome over all attempts; the reply explanations live in the shared table.
 */
public final class SendEvaluator {
  private SendEvaluator() {}

  static List<Finding> evaluate(SendCheck.Query q, SendFacts facts, Switches sw) {
    var out = new ArrayList<Finding>();
    Transaction t = q.request().transaction().orElseThrow();
    String rcpts = String.join(", ", t.recipients());
    if (facts.mxProblem().isPresent()) {
      String p = facts.mxProblem().get();
      boolean temporary = p.contains("failed");
      out.add(
          Finding.of(
                  FindingId.SEND_DELIVERED,
                  temporary ? Status.ERROR : Status.FAIL,
                  "Not sent: no mail server to deliver to")
              .detail(cap(p) + ".")
              .remedy(
                  temporary
                      ? "Check the resolver ("
                          + sw.resolver()
                          + ") and retry; or name the server ("
                          + sw.server()
                          + ")."
                      : "Check the recipient address; "
                          + q.mxDomain().orElse("the domain")
                          + " takes no mail.")
              .subject(rcpts)
              .build());
      return out;
    }
    for (SendFacts.Attempt a : facts.attempts())
      attempt(a, t, q.request().auth().isPresent(), out, sw);
    out.add(delivered(q, facts, t, rcpts));
    return out;
  }

  private static void attempt(
      SendFacts.Attempt a, Transaction t, boolean auth, List<Finding> out, Switches sw) {
    ProbeResult r = a.result();
    String subject = subject(r);
    Optional<Failure> failure = r.failure();
    Phase failed = failure.map(Failure::phase).orElse(null);
    boolean sessionFailed =
        failed != null
            && failed != Phase.AUTH
            && failed != Phase.MAIL
            && failed != Phase.RCPT
            && failed != Phase.DATA
            && failed != Phase.QUIT;
    if (sessionFailed) {
      out.add(
          failure(FindingId.SEND_CONNECT, "Could not get to MAIL FROM", failure.get(), subject));
      return;
    }
    if (t.quitAfter() == Stage.CONNECT) {
      out.add(
          Finding.of(
                  FindingId.SEND_CONNECT,
                  Status.PASS,
                  "Connected to " + r.address().orElse("?") + " port " + r.port())
              .detail("Closed right after the TCP connect, as asked.")
              .subject(subject)
              .build());
      return;
    }
    out.add(
        Finding.of(
                FindingId.SEND_CONNECT,
                Status.PASS,
                "Connected to "
                    + r.address().orElse("?")
                    + " port "
                    + r.port()
                    + r.tls().map(x -> " with " + x.protocol()).orElse(" without TLS"))
            .detail(r.banner().map(Reply::firstLine).orElse(""))
            .subject(subject)
            .build());
    if (auth) authFinding(r, subject, out, sw);
    if (failed == Phase.AUTH) return;
    Optional<TransactionOutcome> tx = r.transaction();
    if (failed == Phase.MAIL || (tx.isPresent() && tx.get().mailFrom().isPresent())) {
      if (failed == Phase.MAIL) {
        out.add(
            failure(
                FindingId.SEND_MAIL_FROM, "MAIL FROM was not accepted", failure.get(), subject));
        return;
      }
      Reply m = tx.get().mailFrom().get();
      out.add(
          Finding.of(
                  FindingId.SEND_MAIL_FROM,
                  Status.PASS,
                  "MAIL FROM:<" + t.mailFrom() + "> accepted")
              .detail(
                  tx.get().mailParameters().isEmpty()
                      ? "No ESMTP parameters."
                      : "Parameters: " + tx.get().mailParameters() + ".")
              .evidence(m.firstLine())
              .subject(subject)
              .build());
    }
    if (tx.isEmpty()) return;
    for (TransactionOutcome.Recipient rc : tx.get().recipients())
      out.add(recipient(FindingId.SEND_RCPT, rc, subject));
    if (failed == Phase.DATA) {
      out.add(failure(FindingId.SEND_DATA, "The message was not accepted", failure.get(), subject));
      return;
    }
    tx.get()
        .end()
        .ifPresent(
            end ->
                out.add(
                    Finding.of(
                            FindingId.SEND_DATA,
                            Status.PASS,
                            "Message accepted ("
                                + tx.get().messageBytes()
                                + " bytes"
                                + (tx.get().chunked() ? ", BDAT" : ", DATA")
                                + ")")
                        .evidence(end.firstLine())
                        .subject(subject)
                        .build()));
  }

  private static void authFinding(ProbeResult r, String subject, List<Finding> out, Switches sw) {
    Optional<AuthOutcome> a = r.auth();
    if (a.isEmpty()) return;
    AuthOutcome o = a.get();
    String mech = o.attempted().orElse("");
    Finding.Builder b =
        switch (o.result()) {
          case SUCCESS ->
              Finding.of(FindingId.SEND_AUTH, Status.PASS, "AUTH " + mech + " succeeded");
          case FAILED -> {
            var f = Finding.of(FindingId.SEND_AUTH, Status.FAIL, "AUTH " + mech + " failed");
            o.reply().ifPresent(rep -> f.remedy(ReplyExplanations.explain(rep).remedy()));
            yield f;
          }
          case MECHANISM_REFUSED ->
              Finding.of(FindingId.SEND_AUTH, Status.FAIL, "No AUTH mechanism in common")
                  .remedy(
                      "Pick one of the offered mechanisms ("
                          + sw.authMechanism()
                          + "): "
                          + String.join(", ", o.offered())
                          + ".");
          case NOT_OFFERED ->
              Finding.of(FindingId.SEND_AUTH, Status.FAIL, "The server offers no AUTH")
                  .remedy(
                      "Submission with a login is on port 587 (STARTTLS) or 465 ("
                          + sw.implicitTls()
                          + "); port 25 usually offers AUTH only after STARTTLS, if at all.");
          case SKIPPED_PLAINTEXT ->
              Finding.of(
                      FindingId.SEND_AUTH,
                      Status.WARN,
                      "AUTH not tried: the password would be exposed")
                  .remedy(
                      "Use "
                          + sw.starttls()
                          + " or "
                          + sw.implicitTls()
                          + " (and "
                          + sw.caFile()
                          + " for a private CA); "
                          + sw.allowPlaintextAuth()
                          + " only on a test network.");
          case ERROR ->
              Finding.of(FindingId.SEND_AUTH, Status.ERROR, "AUTH " + mech + " could not complete");
        };
    out.add(
        b.detail(o.detail())
            .evidence(o.reply().map(Reply::wireLines).orElse(List.of()))
            .subject(subject)
            .build());
  }

  /** One RCPT TO with its reply, explained when refused ({@code send.rcpt}, {@code smtp.rcpt}). */
  public static Finding recipient(FindingId id, TransactionOutcome.Recipient rc, String subject) {
    Reply rep = rc.reply();
    if (rep.positive())
      return Finding.of(id, Status.PASS, "RCPT TO:<" + rc.address() + "> accepted")
          .evidence(rep.firstLine())
          .subject(subject)
          .build();
    var e = ReplyExplanations.explain(rep);
    return Finding.of(
            id,
            rep.transientNegative() ? Status.WARN : Status.FAIL,
            "RCPT TO:<"
                + rc.address()
                + "> "
                + (rep.transientNegative() ? "deferred" : "refused")
                + ": "
                + e.meaning())
        .detail(rep.explained() + ".")
        .remedy(e.remedy())
        .evidence(rep.wireLines())
        .subject(subject)
        .build();
  }

  /** A failure that ended an attempt, explained by the reply table or by the kind of failure. */
  public static Finding failure(FindingId id, String title, Failure f, String subject) {
    Status st =
        switch (f.kind()) {
          case TIMEOUT, CLOSED, IO, UNREACHABLE, DNS -> Status.ERROR;
          case REJECTED ->
              f.reply().map(Reply::transientNegative).orElse(false) ? Status.WARN : Status.FAIL;
          default -> Status.FAIL;
        };
    var b = Finding.of(id, st, title + ": " + f.detail()).subject(subject);
    if (f.reply().isPresent()) {
      var e = ReplyExplanations.explain(f.reply().get());
      b.detail(cap(e.meaning()) + " (" + f.phase().token() + ").")
          .remedy(e.remedy())
          .evidence(f.reply().get().wireLines());
    } else if (f.kind() != Failure.Kind.UNSUPPORTED) {
      var e = ReplyExplanations.explain(0, Optional.empty(), f.detail());
      if (e.kind() != dev.mailcheck.smtp.DeliveryProblem.OTHER)
        b.detail(cap(e.meaning()) + " (" + f.phase().token() + ").").remedy(e.remedy());
      else b.detail("In " + f.phase().token() + ".");
    } else {
      b.detail("Refused by mailcheck before MAIL FROM: nothing was sent.");
    }
    return b.build();
  }

  private static Finding delivered(
      SendCheck.Query q, SendFacts facts, Transaction t, String rcpts) {
    SendFacts.Attempt last = facts.last().orElseThrow();
    ProbeResult r = last.result();
    List<String> tried =
        facts.attempts().stream()
            .map(a -> subject(a.result()) + ": " + outcome(a.result(), t))
            .toList();
    if (t.quitAfter() != Stage.DATA) {
      boolean reached = r.failure().isEmpty();
      return Finding.of(
              FindingId.SEND_DELIVERED,
              reached ? Status.INFO : r.failure().get().temporary() ? Status.ERROR : Status.FAIL,
              reached
                  ? "Stopped after " + t.quitAfter().token() + " as asked; no message sent"
                  : "Stopped before " + t.quitAfter().token() + ": " + r.failure().get().detail())
          .evidence(tried)
          .subject(rcpts)
          .build();
    }
    Optional<TransactionOutcome> tx = r.transaction();
    if (tx.isPresent() && tx.get().delivered()) {
      var o = tx.get();
      String refused =
          o.recipients().size() == o.accepted().size()
              ? ""
              : " (" + (o.recipients().size() - o.accepted().size()) + " recipient(s) refused)";
      return Finding.of(
              FindingId.SEND_DELIVERED,
              o.accepted().size() == o.recipients().size() ? Status.PASS : Status.WARN,
              "Accepted for delivery by "
                  + last.host()
                  + o.queueId().map(id -> ", queued as " + id).orElse("")
                  + refused)
          .detail(
              "The server took responsibility for the message (RFC 5321 §4.1.1.4); whether it lands in the inbox is up to the recipient's filters.")
          .evidence(tried)
          .subject(rcpts)
          .build();
    }
    Failure f =
        r.failure().orElse(new Failure(Phase.QUIT, Failure.Kind.IO, "no reply after the message"));
    boolean temporary = f.temporary() || (f.phase() == Phase.CONNECT || f.phase() == Phase.DNS);
    var b =
        Finding.of(
                FindingId.SEND_DELIVERED,
                temporary ? Status.ERROR : Status.FAIL,
                (temporary ? "Not delivered (temporary): " : "Not delivered: ") + f.detail())
            .evidence(tried)
            .subject(rcpts);
    if (facts.attempts().size() > 1)
      b.detail(
          "Tried "
              + facts.attempts().size()
              + " MX hosts of "
              + q.mxDomain().orElse("")
              + " in preference order.");
    f.reply().ifPresent(rep -> b.remedy(ReplyExplanations.explain(rep).remedy()));
    return b.build();
  }

  /** {@code delivered}, {@code refused}, {@code deferred}, {@code failed} or {@code stopped}. */
  static String outcome(ProbeResult r, Transaction t) {
    if (r.transaction().map(TransactionOutcome::delivered).orElse(false)) return "delivered";
    if (r.failure().isEmpty()) return t.quitAfter() == Stage.DATA ? "failed" : "stopped";
    Failure f = r.failure().get();
    if (f.kind() == Failure.Kind.REJECTED)
      return f.reply().map(Reply::transientNegative).orElse(false) ? "deferred" : "refused";
    if (f.kind() == Failure.Kind.UNSUPPORTED) return "refused";
    return "failed";
  }

  static String subject(ProbeResult r) {
    String host = r.host().contains(":") ? "[" + r.host() + "]" : r.host();
    return host + ":" + r.port();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
