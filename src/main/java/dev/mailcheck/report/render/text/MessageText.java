package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.DkimVerifyView;
import dev.mailcheck.report.view.MailboxView;
import dev.mailcheck.report.view.MessageView;
import java.util.ArrayList;
import java.util.List;

/** {@code mailcheck message} for people: verdict, trace, authentication, bulk rules, bounce. */
final class MessageText {
  private MessageText() {}

  static List<String> lines(MessageView v) {
    List<String> out = new ArrayList<>();
    out.add("verdict: " + v.verdict().text());
    if (!v.verdict().fix().isEmpty()) out.add("  fix: " + v.verdict().fix());
    var s = v.summary();
    out.add("from: " + or(s.from()) + "   subject: " + or(s.subject()));
    out.add(
        "date: "
            + or(s.date())
            + "   message-id: "
            + or(s.messageId())
            + "   size: "
            + s.sizeOctets()
            + " octets, "
            + s.headerFields()
            + " header fields");
    out.add("");
    out.add("trace (oldest first):");
    if (v.trace().hops().isEmpty()) out.add("  (no Received fields)");
    for (MessageView.Hop h : v.trace().hops()) {
      if (!h.parsed()) {
        out.add(String.format("  %2d  (unparsed) %s", h.number(), h.raw()));
        continue;
      }
      StringBuilder b = new StringBuilder(String.format("  %2d  ", h.number()));
      b.append(or(h.from()));
      if (!h.fromAddress().isEmpty()) b.append(" [").append(h.fromAddress()).append("]");
      b.append(" -> ").append(or(h.by()));
      if (!h.with().isEmpty()) b.append(" with ").append(h.with());
      b.append(h.tls() ? ", TLS" + (h.tlsNote().isEmpty() ? "" : " " + h.tlsNote()) : ", no TLS");
      if (h.authenticated()) b.append(", authenticated");
      if (h.delaySeconds() != null) b.append(", +").append(duration(h.delaySeconds()));
      if (h.clockSkew()) b.append(" (clock skew)");
      if (v.trace().externalHop() != null && v.trace().externalHop() == h.number())
        b.append("   <- first hop from outside");
      if (v.trace().slowestHop() != null
          && v.trace().slowestHop() == h.number()
          && h.delaySeconds() != null
          && h.delaySeconds() > 0) b.append("   <- slowest");
      out.add(b.toString());
    }
    if (v.trace().truncated()) out.add("  ... more Received fields not analysed");
    out.add("");
    var a = v.authentication();
    var spf = a.spf();
    out.add(
        "SPF:   "
            + spf.result()
            + (spf.ip().isEmpty() ? "" : " for " + spf.ip())
            + (spf.domain().isEmpty() ? "" : " as " + spf.domain())
            + (spf.mailFrom().isEmpty() ? "" : ", MAIL FROM " + spf.mailFrom())
            + (spf.helo().isEmpty() ? "" : ", HELO " + spf.helo()));
    if (!spf.reason().isEmpty()) out.add("       " + spf.reason());
    if (!spf.source().isEmpty()) out.add("       (" + spf.source() + ")");
    if (a.dkim().isEmpty()) out.add("DKIM:  no signature");
    for (DkimVerifyView.SignatureView d : a.dkim())
      out.add(
          "DKIM:  "
              + d.result()
              + " d="
              + d.domain()
              + " s="
              + d.selector()
              + " a="
              + d.algorithm()
              + " ("
              + d.reason()
              + ")");
    var dm = a.dmarc();
    out.add(
        "DMARC: "
            + dm.result()
            + (dm.fromDomain().isEmpty() ? "" : " for " + dm.fromDomain())
            + (dm.policy().isEmpty()
                ? ""
                : ", p="
                    + dm.policy()
                    + " at _dmarc."
                    + dm.policyDomain()
                    + ", disposition "
                    + dm.disposition())
            + (dm.reason().isEmpty() ? "" : " (" + dm.reason() + ")"));
    var arc = a.arc();
    out.add(
        "ARC:   "
            + arc.cv()
            + (arc.instances().isEmpty()
                ? ""
                : " ("
                    + arc.reason()
                    + (arc.oldestPass() == null ? "" : "; oldest pass i=" + arc.oldestPass())
                    + ")"));
    for (MessageView.ArcInstance i : arc.instances())
      out.add(
          "       i="
              + i.instance()
              + " sealed by "
              + i.sealer()
              + " s="
              + i.selector()
              + " cv="
              + i.cv()
              + ", AMS "
              + i.ams()
              + ", seal "
              + i.seal()
              + (i.authservId().isEmpty() ? "" : ", results of " + i.authservId())
              + (i.reason().isEmpty() ? "" : ": " + i.reason()));
    if (!a.receiverResults().isEmpty()) {
      out.add("Authentication-Results in the message:");
      for (MessageView.ReceiverResult r : a.receiverResults())
        out.add(
            "  "
                + r.authservId()
                + ": "
                + r.method()
                + "="
                + r.receiver()
                + (r.subject().isEmpty() ? "" : " (" + r.subject() + ")")
                + (r.agree()
                    ? "  = mailcheck"
                    : "  ≠ mailcheck " + r.mailcheck() + ": " + r.note()));
    }
    out.add("");
    out.add("bulk-sender rules (Gmail/Yahoo 2024, Microsoft 2025):");
    for (MessageView.BulkRule r : v.bulkSender())
      out.add(
          "  "
              + (r.met() == null ? "?" : r.met() ? "ok" : "NO")
              + "  "
              + r.rule()
              + " ["
              + r.providers()
              + "]: "
              + r.detail());
    if (v.bounce() != null) {
      out.add("");
      out.add(
          "bounce"
              + (v.bounce().reportingMta().isEmpty() ? "" : " from " + v.bounce().reportingMta())
              + (v.bounce().plainText() ? " (plain text, not RFC 3464)" : " (RFC 3464)")
              + ":");
      for (MessageView.BounceRecipient r : v.bounce().recipients()) {
        out.add(
            "  "
                + or(r.recipient())
                + ": "
                + r.action()
                + " "
                + r.status()
                + (r.smtpCode() == null ? "" : " (" + r.smtpCode() + ")")
                + " — "
                + r.meaning());
        if (!r.diagnostic().isEmpty()) out.add("    server said: " + r.diagnostic());
        if (!r.cause().isEmpty()) out.add("    usual cause: " + r.cause());
        if (!r.fix().isEmpty()) out.add("    fix: " + r.fix());
      }
    }
    return out;
  }

  static List<String> mailbox(MailboxView m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.messages().size(); i++) {
      if (i > 0) out.add("");
      out.add("── message #" + (i + 1) + " ──");
      out.addAll(lines(m.messages().get(i)));
    }
    return out;
  }

  private static String or(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }

  private static String duration(long seconds) {
    if (seconds < 0) return seconds + " s";
    if (seconds < 120) return seconds + " s";
    if (seconds < 7200) return seconds / 60 + " min";
    return seconds / 3600 + " h";
  }
}
