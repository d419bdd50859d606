package dev.mailcheck.checks.send;

import dev.mailcheck.report.view.SendView;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.PhaseTiming;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.Transaction;
import dev.mailcheck.smtp.TransactionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link SendView} from a delivery's facts: per attempt, each timed stage and its
 * replies.
 */
public final class SendViews {
  private SendViews() {}

  static SendView of(SendCheck.Query q, SendFacts facts) {
    Transaction t = q.request().transaction().orElseThrow();
    List<SendView.Attempt> attempts =
        facts.attempts().stream()
            .map(a -> attempt(a.host(), a.preference(), a.result(), t))
            .toList();
    String outcome = facts.last().map(a -> SendEvaluator.outcome(a.result(), t)).orElse("failed");
    String queueId =
        facts
            .last()
            .flatMap(a -> a.result().transaction())
            .flatMap(TransactionOutcome::queueId)
            .orElse(null);
    String route =
        q.mxDomain()
            .map(d -> "MX of " + d)
            .orElse("server " + q.request().host() + ":" + q.request().port());
    return new SendView(
        t.mailFrom(), t.recipients(), route, t.quitAfter().token(), outcome, queueId, attempts);
  }

  /** One attempt: also the recipient check of {@code smtp --rcpt}. */
  public static SendView.Attempt attempt(
      String host, Optional<Integer> preference, ProbeResult r, Transaction t) {
    var stages = new ArrayList<SendView.StageRow>();
    for (PhaseTiming p : r.phases())
      stages.add(
          new SendView.StageRow(p.phase().token(), p.millis(), p.ok(), replies(r, p.phase())));
    return new SendView.Attempt(
        host,
        preference.orElse(null),
        r.address().orElse(null),
        r.port(),
        r.tls().map(x -> x.protocol()).orElse(null),
        SendEvaluator.outcome(r, t),
        r.transaction().flatMap(TransactionOutcome::queueId).orElse(null),
        r.failure().map(f -> f.phase().token() + ": " + f.detail()).orElse(null),
        stages);
  }

  private static List<String> replies(ProbeResult r, Phase phase) {
    Optional<TransactionOutcome> tx = r.transaction();
    return switch (phase) {
      case BANNER -> r.banner().map(b -> List.of(b.firstLine())).orElse(List.of());
      case EHLO ->
          r.ehlo().or(r::ehloTls).map(e -> List.of("250 " + e.greeting())).orElse(List.of());
      case EHLO_TLS -> r.ehloTls().map(e -> List.of("250 " + e.greeting())).orElse(List.of());
      case STARTTLS -> r.startTlsReply().map(b -> List.of(b.firstLine())).orElse(List.of());
      case AUTH ->
          r.auth().flatMap(a -> a.reply()).map(b -> List.of(b.firstLine())).orElse(List.of());
      case MAIL ->
          tx.flatMap(TransactionOutcome::mailFrom)
              .map(b -> List.of(b.firstLine()))
              .orElse(failed(r, phase));
      case RCPT ->
          tx.map(
                  o ->
                      o.recipients().stream()
                          .map(x -> x.address() + ": " + x.reply().firstLine())
                          .toList())
              .orElse(List.of());
      case DATA -> {
        var l = new ArrayList<String>();
        tx.flatMap(TransactionOutcome::data).ifPresent(d -> l.add(d.firstLine()));
        tx.flatMap(TransactionOutcome::end).ifPresent(d -> l.add(d.firstLine()));
        yield l;
      }
      default -> List.of();
    };
  }

  private static List<String> failed(ProbeResult r, Phase phase) {
    return r.failure()
        .filter(f -> f.phase() == phase)
        .flatMap(f -> f.reply())
        .map(Reply::firstLine)
        .map(List::of)
        .orElse(List.of());
  }
}
