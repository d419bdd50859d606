package dev.mailcheck.checks.message;

import dev.mailcheck.checks.message.MessageHeaders.HeaderIssue;
import dev.mailcheck.report.Status;
import java.util.Optional;

/**
 * The one line on top: delivered as authenticated, or the first reason a receiver would distrust
 * the message, with its fix. The order is a receiver's: a bounce first (it is not mail to judge),
 * then DMARC (the policy decides), then SPF and DKIM, then the header rules, then the bulk rules.
 */
record Verdict(Status status, String text, String fix) {
  static Verdict of(
      MessageFacts f, AuthVerdicts a, java.util.List<BulkRules.Rule> bulk, boolean profile) {
    Optional<Dsn> dsn = f.body().dsn();
    if (dsn.isPresent()) {
      var failed = dsn.get().recipients().stream().filter(Dsn.Recipient::failed).toList();
      if (!failed.isEmpty()) {
        var r = failed.get(0);
        return new Verdict(
            Status.FAIL,
            "bounce: "
                + failed.size()
                + " recipient(s) failed; "
                + r.finalRecipient()
                + ": "
                + (r.smtpCode() > 0 ? r.smtpCode() + " " : "")
                + r.status()
                + " "
                + r.explanation().meaning(),
            r.explanation().fix());
      }
      return new Verdict(Status.INFO, "delivery status notification: no recipient failed", "");
    }
    var d = a.dmarc();
    if (d.result().equals("fail") && !d.disposition().equals("none"))
      return new Verdict(
          Status.FAIL,
          "DMARC fails for "
              + d.fromDomain()
              + " and its policy asks receivers to "
              + d.disposition()
              + " it ("
              + d.reason()
              + ")",
          "sign with DKIM as d="
              + d.fromDomain()
              + ", or send with an SPF-passing MAIL FROM in "
              + d.fromDomain());
    if (!a.spfPass() && !a.dkimPass())
      return new Verdict(
          Status.FAIL,
          "not authenticated: neither SPF ("
              + a.spf().map(e -> e.result().token()).orElse("not evaluated")
              + ") nor any DKIM signature passes",
          "publish SPF for the sending IP and sign with DKIM for the From domain");
    if (d.result().equals("fail"))
      return new Verdict(
          Status.WARN,
          "DMARC fails for "
              + d.fromDomain()
              + " (p=none: delivered, but without DMARC's protection): "
              + d.reason(),
          "align SPF or DKIM with the From domain");
    if (d.result().equals("none"))
      return new Verdict(
          Status.WARN,
          "no DMARC policy for "
              + (d.fromDomain().isEmpty() ? "the From domain" : d.fromDomain())
              + ": Gmail, Yahoo and Microsoft require one from bulk senders",
          "publish _dmarc."
              + (d.fromDomain().isEmpty() ? "DOMAIN" : d.fromDomain())
              + " TXT \"v=DMARC1; p=none; rua=mailto:...\"");
    for (HeaderIssue i : f.headers().issues())
      if (i.kind() == HeaderIssue.Kind.MISSING
          || i.kind() == HeaderIssue.Kind.MALFORMED && i.field().equals("From"))
        return new Verdict(
            Status.WARN,
            "authenticated, but " + i.detail(),
            "fix the sending software's " + i.field() + " field");
    if (profile)
      for (BulkRules.Rule r : bulk)
        if (r.met().filter(m -> !m).isPresent())
          return new Verdict(
              Status.FAIL,
              "authenticated, but breaks the bulk-sender rule \""
                  + r.rule()
                  + "\" ("
                  + r.providers()
                  + "): "
                  + r.detail(),
              r.fix());
    String via =
        d.result().equals("pass") ? "DMARC pass (" + d.reason() + ")" : "DMARC " + d.result();
    return new Verdict(Status.PASS, "delivered as authenticated: " + via, "");
  }
}
