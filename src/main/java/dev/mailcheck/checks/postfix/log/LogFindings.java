package dev.mailcheck.checks.postfix.log;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.PostfixLogView;
import dev.mailcheck.report.view.PostfixLogView.Count;
import dev.mailcheck.report.view.PostfixLogView.ReasonRow;
import dev.mailcheck.report.view.PostfixLogView.RejectRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The findings of a Postfix log: pure over the counted tables (docs/checks.md, postfix.log.*). */
final class LogFindings {
  /** Failed logins from one client at which it looks like password guessing. */
  static final long BRUTE_FORCE = 10;

  private static final Set<String> LEGACY_TLS = Set.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1");

  private LogFindings() {}

  static List<Finding> evaluate(PostfixLogView v, Optional<String> domain) {
    List<Finding> out = new ArrayList<>();
    out.add(input(v));
    out.add(deferred(v));
    out.add(bounced(v));
    if (v.totals().expired() > 0) out.add(expired(v));
    out.add(rejected(v));
    out.add(sasl(v));
    out.add(tls(v));
    out.add(errors(v));
    return out;
  }

  private static Finding input(PostfixLogView v) {
    var in = v.input();
    String detail =
        String.format(
            Locale.ROOT,
            "%d lines in %d file(s), %d from Postfix (%s to %s); %d from other programs, %d in no"
                + " syslog format, %d binary, %d cut at 16 KiB, %d outside the time window.",
            in.lines(),
            in.files().size(),
            in.postfixLines(),
            in.first().orElse("-"),
            in.last().orElse("-"),
            in.otherProgramLines(),
            in.unparsed(),
            in.binary(),
            in.overlong(),
            in.outsidePeriod());
    if (in.joinEvicted() > 0)
      detail +=
          " "
              + in.joinEvicted()
              + " messages left the bounded queue-id table before their last line (counts stay"
              + " right; per-message joins for them are lost).";
    if (!in.problems().isEmpty()) {
      return Finding.of(
              FindingId.POSTFIX_LOG_INPUT, Status.WARN, "Part of the input could not be read")
          .detail(detail)
          .evidence(in.problems())
          .remedy("Check the named files (a .gz cut off by a full disk or an unfinished rotation).")
          .build();
    }
    if (in.postfixLines() == 0) {
      return Finding.of(FindingId.POSTFIX_LOG_INPUT, Status.WARN, "No Postfix lines in the input")
          .detail(detail)
          .remedy(
              "Give the mail log: /var/log/mail.log (Debian), /var/log/maillog (RHEL), Postfix's"
                  + " maillog_file, or journalctl -u postfix -o short-iso.")
          .build();
    }
    return Finding.of(
            FindingId.POSTFIX_LOG_INPUT, Status.PASS, in.postfixLines() + " Postfix log lines read")
        .detail(detail)
        .build();
  }

  private static Finding deferred(PostfixLogView v) {
    var t = v.totals();
    if (t.deferred() == 0)
      return Finding.of(FindingId.POSTFIX_LOG_DEFERRED, Status.PASS, "No deferred deliveries")
          .build();
    long base = t.delivered() + t.bounced() + t.deferred();
    double share = share(t.deferred(), base);
    Status st = share <= 0.05 ? Status.INFO : Status.WARN;
    return reasons(
        FindingId.POSTFIX_LOG_DEFERRED,
        st,
        String.format(
            Locale.ROOT,
            "%d messages deferred (%d attempts), %.1f%%",
            t.deferred(),
            t.deferrals(),
            share * 100),
        "Deferred mail stays in the queue and is retried until maximal_queue_lifetime (5 days"
            + " by default), then bounced.",
        v.deferralReasons());
  }

  private static Finding bounced(PostfixLogView v) {
    var t = v.totals();
    if (t.bounced() == 0)
      return Finding.of(FindingId.POSTFIX_LOG_BOUNCED, Status.PASS, "No bounced recipients")
          .build();
    double share = share(t.bounced(), t.delivered() + t.bounced());
    Status st = share <= 0.02 ? Status.INFO : share <= 0.10 ? Status.WARN : Status.FAIL;
    return reasons(
        FindingId.POSTFIX_LOG_BOUNCED,
        st,
        String.format(Locale.ROOT, "%d recipients bounced, %.1f%%", t.bounced(), share * 100),
        "Bounced mail was refused for good and returned to the sender. Providers count bounces"
            + " against the sender's reputation (Gmail, Yahoo: keep them low).",
        v.bounceReasons());
  }

  private static Finding reasons(
      FindingId id, Status st, String title, String detail, List<ReasonRow> rows) {
    List<String> ev = new ArrayList<>();
    for (ReasonRow r : rows.subList(0, Math.min(5, rows.size())))
      ev.add(r.count() + " x " + r.label() + ": " + r.reason());
    Finding.Builder b = Finding.of(id, st, title).evidence(ev);
    if (!rows.isEmpty()) {
      ReasonRow top = rows.get(0);
      b.detail(detail + " Most often: " + top.label() + ". " + top.explanation())
          .remedy(top.remedy());
    } else b.detail(detail);
    return b.build();
  }

  private static Finding expired(PostfixLogView v) {
    return Finding.of(
            FindingId.POSTFIX_LOG_EXPIRED,
            Status.WARN,
            v.totals().expired() + " messages expired in the queue and were returned to sender")
        .detail(
            "They were deferred until maximal_queue_lifetime ran out: the reasons are in"
                + " postfix.log.deferred.")
        .remedy("Fix the deferral reasons; mailq shows what is still waiting.")
        .build();
  }

  private static Finding rejected(PostfixLogView v) {
    var t = v.totals();
    if (t.rejected() == 0)
      return Finding.of(FindingId.POSTFIX_LOG_REJECTED, Status.PASS, "No rejections").build();
    List<String> ev = new ArrayList<>();
    for (RejectRow r : v.rejections().subList(0, Math.min(5, v.rejections().size())))
      ev.add(r.count() + " x " + r.stage() + " " + r.label() + ": " + r.reason());
    for (var b : v.blocklists().subList(0, Math.min(3, v.blocklists().size())))
      ev.add(
          "blocklist " + b.zone() + ": " + b.rejections() + " rejections, " + b.listed() + " hits");
    return Finding.of(
            FindingId.POSTFIX_LOG_REJECTED,
            Status.INFO,
            t.rejected() + " rejections by smtpd, postscreen and content checks")
        .detail(
            "Rejections are Postfix's restrictions at work (relay attempts, unknown users,"
                + " blocklisted clients); look for refusals of mail you wanted.")
        .evidence(ev)
        .build();
  }

  private static Finding sasl(PostfixLogView v) {
    List<Count> f = v.saslFailures();
    long total = f.stream().mapToLong(Count::count).sum();
    long logins = v.saslLogins().stream().mapToLong(Count::count).sum();
    if (total == 0)
      return Finding.of(FindingId.POSTFIX_LOG_SASL_FAILURES, Status.PASS, "No failed SASL logins")
          .detail(logins + " messages submitted after a successful login.")
          .build();
    List<Count> heavy = f.stream().filter(c -> c.count() >= BRUTE_FORCE).toList();
    List<String> ev = new ArrayList<>();
    for (Count c : f.subList(0, Math.min(5, f.size())))
      ev.add(c.name() + ": " + c.count() + " failed logins");
    if (heavy.isEmpty()) {
      return Finding.of(
              FindingId.POSTFIX_LOG_SASL_FAILURES,
              Status.INFO,
              total + " failed SASL logins from " + f.size() + " client(s)")
          .detail("No client failed " + BRUTE_FORCE + " times or more: mistyped passwords.")
          .evidence(ev)
          .build();
    }
    return Finding.of(
            FindingId.POSTFIX_LOG_SASL_FAILURES,
            Status.WARN,
            heavy.size() + " client(s) guessing passwords (" + total + " failed SASL logins)")
        .detail(
            "Clients with "
                + BRUTE_FORCE
                + " or more failed logins are password guessing (brute force); a success would"
                + " let them send spam as your user.")
        .evidence(ev)
        .remedy(
            "Block them (fail2ban's postfix-sasl jail), limit attempts with postconf -e"
                + " 'smtpd_client_auth_rate_limit = 10', offer AUTH only on 587/465, and use strong"
                + " passwords.")
        .build();
  }

  private static Finding tls(PostfixLogView v) {
    var t = v.tls();
    if (t.inboundConnections() == 0 && t.outboundDeliveries() == 0 && t.inboundTls() == 0)
      return Finding.of(FindingId.POSTFIX_LOG_TLS, Status.INFO, "No SMTP connections in the log")
          .build();
    List<String> ev = new ArrayList<>();
    ev.add(
        "inbound: "
            + t.inboundTls()
            + " TLS of "
            + t.inboundConnections()
            + " smtpd connections "
            + names(t.inboundProtocols()));
    ev.add(
        "outbound: "
            + t.outboundTlsDeliveries()
            + " over TLS of "
            + t.outboundDeliveries()
            + " remote deliveries "
            + names(t.outboundProtocols()));
    List<String> legacy = new ArrayList<>();
    for (Count c : t.inboundProtocols())
      if (LEGACY_TLS.contains(c.name())) legacy.add("inbound " + c.name() + " x" + c.count());
    for (Count c : t.outboundProtocols())
      if (LEGACY_TLS.contains(c.name())) legacy.add("outbound " + c.name() + " x" + c.count());
    if (!legacy.isEmpty()) {
      ev.addAll(legacy);
      return Finding.of(FindingId.POSTFIX_LOG_TLS, Status.WARN, "TLS 1.0/1.1 still in use")
          .detail(
              "RFC 8996 deprecates TLS 1.0 and 1.1; connections used them: "
                  + String.join(", ", legacy)
                  + ".")
          .evidence(ev)
          .remedy(
              "postconf -e 'smtpd_tls_protocols = >=TLSv1.2' 'smtp_tls_protocols = >=TLSv1.2' (peers that cannot do TLS 1.2 then fall back to plaintext on port 25)")
          .build();
    }
    double out = share(t.outboundTlsDeliveries(), t.outboundDeliveries());
    if (t.outboundDeliveries() >= 10 && out < 0.5) {
      return Finding.of(
              FindingId.POSTFIX_LOG_TLS,
              Status.WARN,
              String.format(Locale.ROOT, "Only %.0f%% of outbound deliveries used TLS", out * 100))
          .detail(
              "Most receivers offer STARTTLS; plaintext delivery usually means smtp_tls_security_level is none.")
          .evidence(ev)
          .remedy("postconf -e 'smtp_tls_security_level = may'")
          .build();
    }
    return Finding.of(FindingId.POSTFIX_LOG_TLS, Status.PASS, "TLS use in and out")
        .detail(
            String.format(
                Locale.ROOT,
                "%.0f%% of smtpd connections and %.0f%% of remote deliveries used TLS; no TLS 1.0/1.1.",
                share(t.inboundTls(), t.inboundConnections()) * 100,
                out * 100))
        .evidence(ev)
        .build();
  }

  private static Finding errors(PostfixLogView v) {
    var t = v.totals();
    if (t.fatals() + t.panics() > 0)
      return Finding.of(
              FindingId.POSTFIX_LOG_ERRORS,
              Status.FAIL,
              (t.fatals() + t.panics()) + " fatal/panic lines: a Postfix daemon stopped")
          .detail(t.warnings() + " warnings besides.")
          .remedy("grep -E 'fatal|panic' in the log; postfix check; fix and postfix reload.")
          .build();
    return Finding.of(FindingId.POSTFIX_LOG_ERRORS, Status.PASS, "No fatal or panic lines")
        .detail(t.warnings() + " warnings.")
        .build();
  }

  private static String names(List<Count> rows) {
    List<String> parts = new ArrayList<>();
    for (Count c : rows) parts.add(c.name() + " " + c.count());
    return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
