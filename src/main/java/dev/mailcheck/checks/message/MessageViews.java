package dev.mailcheck.checks.message;

import dev.mailcheck.checks.dkim.DkimVerifyCheck;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.view.MessageView;
import java.util.ArrayList;
import java.util.List;

/** The facts of a message for display ({@link MessageView}); pure. */
final class MessageViews {
  private MessageViews() {}

  static MessageView view(MessageFacts f, boolean profile) {
    AuthVerdicts a = AuthVerdicts.of(f);
    List<BulkRules.Rule> bulk = BulkRules.evaluate(f, a);
    Verdict v = Verdict.of(f, a, bulk, profile);
    MessageHeaders h = f.headers();
    var summary =
        new MessageView.Summary(
            String.join(", ", h.fromAddresses()),
            h.subject(),
            h.date(),
            h.messageId(),
            h.returnPath().orElse(null),
            f.body().bytes() + h.fields().stream().mapToLong(x -> x.raw().length()).sum(),
            h.fields().size());
    List<MessageView.Hop> hops = new ArrayList<>();
    for (int i = 0; i < f.trace().hops().size(); i++) {
      var hop = f.trace().hops().get(i);
      ReceivedField r = hop.field();
      hops.add(
          new MessageView.Hop(
              i + 1,
              r.fromName().isEmpty()
                  ? r.fromRdns()
                  : r.fromName()
                      + (r.fromRdns().isEmpty() || r.fromRdns().equalsIgnoreCase(r.fromName())
                          ? ""
                          : " (" + r.fromRdns() + ")"),
              r.fromAddress().orElse(""),
              r.by(),
              r.with(),
              r.id(),
              r.forAddress(),
              r.date().map(Object::toString).orElse(""),
              hop.delay().map(java.time.Duration::toSeconds).orElse(null),
              hop.clockSkew(),
              r.tls(),
              r.tlsNote(),
              r.authenticated(),
              hop.trusted(),
              r.parsed(),
              r.raw()));
    }
    var trace =
        new MessageView.Trace(
            hops,
            f.trace().external().map(x -> x + 1).orElse(null),
            f.trace().slowest().map(x -> x + 1).orElse(null),
            f.trace().truncated());
    Connection c = f.connection();
    var spf =
        new MessageView.Spf(
            a.spf().map(e -> e.result().token()).orElse("not evaluated"),
            c.ip().map(InetAddresses::format).orElse(""),
            c.mailFromKnown() ? (c.mailFrom().isEmpty() ? "<>" : c.mailFrom()) : "",
            c.helo(),
            a.spfDomain(),
            sources(c),
            a.spf().map(e -> e.reason()).orElse(MessageEvaluator.spfNotEvaluated(f)));
    var d = a.dmarc();
    var dmarc =
        new MessageView.Dmarc(
            d.result(),
            d.fromDomain(),
            d.policyDomain(),
            d.policy().map(p -> p.token()).orElse(""),
            d.disposition(),
            d.aspf().token(),
            d.adkim().token(),
            d.spfAligned(),
            d.dkimAligned(),
            d.reason());
    var arc =
        new MessageView.Arc(
            f.arc().cv(),
            f.arc().reason(),
            f.arc().oldestPass() > 0 ? f.arc().oldestPass() : null,
            f.arc().instances().stream()
                .map(
                    i ->
                        new MessageView.ArcInstance(
                            i.instance(),
                            i.sealDomain(),
                            i.sealSelector(),
                            i.cv(),
                            i.ams(),
                            i.seal(),
                            i.authservId(),
                            !i.sealReason().isEmpty() && !i.seal().equals("pass")
                                ? i.sealReason()
                                : i.amsReason().equals("pass") ? "" : i.amsReason()))
                .toList());
    var receivers =
        a.comparisons().stream()
            .map(
                x ->
                    new MessageView.ReceiverResult(
                        x.authservId(),
                        x.method(),
                        x.subject(),
                        x.receiver(),
                        x.mailcheck(),
                        x.agree(),
                        x.note()))
            .toList();
    List<MessageView.BulkRule> rules = new ArrayList<>();
    for (BulkRules.Rule r : bulk)
      rules.add(
          new MessageView.BulkRule(
              r.id().id(),
              r.rule(),
              r.providers(),
              r.met().orElse(null),
              MessageEvaluator.bulkStatus(r, profile).token(),
              r.detail()));
    MessageView.Bounce bounce =
        f.body()
            .dsn()
            .map(
                dsn ->
                    new MessageView.Bounce(
                        dsn.reportingMta(),
                        dsn.plainText(),
                        dsn.recipients().stream()
                            .map(
                                r ->
                                    new MessageView.BounceRecipient(
                                        r.finalRecipient(),
                                        r.action(),
                                        r.status(),
                                        r.smtpCode() == 0 ? null : r.smtpCode(),
                                        r.diagnostic(),
                                        r.remoteMta(),
                                        r.explanation().meaning(),
                                        r.explanation().cause(),
                                        r.explanation().fix()))
                            .toList()))
            .orElse(null);
    return new MessageView(
        new MessageView.Verdict(v.status().token(), v.text(), v.fix()),
        summary,
        trace,
        new MessageView.Authentication(
            spf, DkimVerifyCheck.signatureViews(f.dkim()), dmarc, arc, receivers),
        rules,
        bounce);
  }

  private static String sources(Connection c) {
    List<String> s = new ArrayList<>();
    if (!c.ipSource().isEmpty()) s.add("address from " + c.ipSource());
    if (!c.mailFromSource().isEmpty()) s.add("MAIL FROM from " + c.mailFromSource());
    return String.join("; ", s);
  }
}
