package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.PostfixConfigView;
import dev.mailcheck.report.view.PostfixLogView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text of the postfix views, laid out for an 80-column terminal. */
final class PostfixText {
  private PostfixText() {}

  static final int WIDTH = 78;

  static List<String> log(PostfixLogView v) {
    List<String> out = new ArrayList<>();
    var in = v.input();
    out.add("Postfix log: " + String.join(", ", in.files()));
    out.add(
        String.format(Locale.ROOT, "  %s to %s", in.first().orElse("-"), in.last().orElse("-")));
    out.add(
        String.format(
            Locale.ROOT,
            "  %d lines: %d Postfix, %d other programs, %d unparsed, %d binary, %d cut",
            in.lines(),
            in.postfixLines(),
            in.otherProgramLines(),
            in.unparsed(),
            in.binary(),
            in.overlong()));
    if (in.outsidePeriod() > 0)
      out.add("  " + in.outsidePeriod() + " lines outside --since/--until");
    for (String p : in.problems()) out.add("  ! " + p);
    var t = v.totals();
    out.add("");
    out.add("Messages");
    out.add(
        String.format(
            Locale.ROOT,
            "  %-10s %9d   %-10s %9d   %-10s %9d",
            "received",
            t.received(),
            "delivered",
            t.delivered(),
            "forwarded",
            t.forwarded()));
    out.add(
        String.format(
            Locale.ROOT,
            "  %-10s %9d   %-10s %9d   %-10s %9d",
            "deferred",
            t.deferred(),
            "bounced",
            t.bounced(),
            "expired",
            t.expired()));
    out.add(
        String.format(
            Locale.ROOT,
            "  %-10s %9d   %-10s %9d   %-10s %9d",
            "rejected",
            t.rejected(),
            "held",
            t.held(),
            "discarded",
            t.discarded()));
    out.add(
        String.format(
            Locale.ROOT,
            "  deferral attempts %d, reject warnings %d",
            t.deferrals(),
            t.rejectWarnings()));
    out.add(
        String.format(
            Locale.ROOT,
            "  bytes received %s, delivered %s",
            bytes(t.bytesReceived()),
            bytes(t.bytesDelivered())));
    var d = v.delays();
    if (d.count() > 0) {
      out.add("");
      out.add("Delays of " + d.count() + " delivered recipients (seconds)");
      out.add(
          String.format(
              Locale.ROOT,
              "  p50 %s  p90 %s  p95 %s  p99 %s  max %s",
              s(d.p50()),
              s(d.p90()),
              s(d.p95()),
              s(d.p99()),
              s(d.max())));
      out.add("  split (delays=a/b/c/d)      p50      p95      max");
      split(out, "a before queue manager", d.beforeQueueManager());
      split(out, "b in queue manager", d.inQueueManager());
      split(out, "c connection setup", d.connectionSetup());
      split(out, "d transmission", d.transmission());
    }
    if (!v.recipientDomains().isEmpty()) {
      out.add("");
      out.add(
          String.format(
              Locale.ROOT,
              "%-36s %9s %8s %8s %6s %7s",
              "Recipient domains",
              "delivered",
              "deferred",
              "bounced",
              "avg s",
              "max s"));
      for (var r : v.recipientDomains())
        out.add(
            String.format(
                Locale.ROOT,
                "  %-34s %9d %8d %8d %6s %7s",
                cut(r.domain(), 34),
                r.delivered(),
                r.deferrals(),
                r.bounced(),
                s(r.averageDelay()),
                s(r.maxDelay())));
    }
    if (!v.relays().isEmpty()) {
      out.add("");
      out.add(
          String.format(
              Locale.ROOT, "%-50s %9s %8s %8s", "Relays", "delivered", "deferred", "bounced"));
      for (var r : v.relays())
        out.add(
            String.format(
                Locale.ROOT,
                "  %-48s %9d %8d %8d",
                cut(r.relay(), 48),
                r.delivered(),
                r.deferrals(),
                r.bounced()));
    }
    if (!v.senderDomains().isEmpty()) {
      out.add("");
      out.add(String.format(Locale.ROOT, "%-50s %9s %10s", "Sender domains", "received", "bytes"));
      for (var r : v.senderDomains())
        out.add(
            String.format(
                Locale.ROOT,
                "  %-48s %9d %10s",
                cut(r.domain(), 48),
                r.received(),
                bytes(r.bytes())));
    }
    reasons(out, "Deferral reasons", v.deferralReasons());
    reasons(out, "Bounce reasons", v.bounceReasons());
    if (!v.rejections().isEmpty()) {
      out.add("");
      out.add("Rejections");
      for (var r : v.rejections()) {
        out.add(
            cut(
                String.format(Locale.ROOT, "  %7d  %s %s", r.count(), r.stage(), r.label()),
                WIDTH));
        out.add("           " + cut(r.reason(), WIDTH - 11));
      }
    }
    if (!v.blocklists().isEmpty()) {
      out.add("");
      out.add(
          String.format(Locale.ROOT, "%-50s %10s %8s", "DNS blocklists", "rejections", "listed"));
      for (var b : v.blocklists())
        out.add(
            String.format(
                Locale.ROOT, "  %-48s %10d %8d", cut(b.zone(), 48), b.rejections(), b.listed()));
    }
    counts(out, "postscreen", v.postscreen());
    counts(out, "Failed SASL logins by client", v.saslFailures());
    counts(out, "Failed SASL logins by user", v.saslFailedUsers());
    counts(out, "SASL logins by user", v.saslLogins());
    var tls = v.tls();
    out.add("");
    out.add("TLS");
    out.add(
        String.format(
            Locale.ROOT,
            "  inbound   %d of %d smtpd connections  %s",
            tls.inboundTls(),
            tls.inboundConnections(),
            join(tls.inboundProtocols())));
    if (!tls.inboundLevels().isEmpty()) out.add("            " + join(tls.inboundLevels()));
    out.add(
        String.format(
            Locale.ROOT,
            "  outbound  %d of %d remote deliveries  %s",
            tls.outboundTlsDeliveries(),
            tls.outboundDeliveries(),
            join(tls.outboundProtocols())));
    if (!tls.outboundLevels().isEmpty()) out.add("            " + join(tls.outboundLevels()));
    if (tls.handshakeErrors() > 0) out.add("  handshake errors " + tls.handshakeErrors());
    if (!v.services().isEmpty()) {
      out.add("");
      out.add(
          String.format(
              Locale.ROOT,
              "%-44s %11s %9s %9s",
              "smtpd services",
              "connections",
              "received",
              "rejected"));
      for (var r : v.services())
        out.add(
            String.format(
                Locale.ROOT,
                "  %-42s %11d %9d %9d",
                cut(r.service(), 42),
                r.connections(),
                r.received(),
                r.rejected()));
    }
    counts(out, "Other programs (lines)", v.otherPrograms());
    if (!v.truncated().isEmpty())
      out.add(
          "  (tables at their size cap, the rest counted in totals only: "
              + String.join(", ", v.truncated())
              + ")");
    return out;
  }

  private static void split(List<String> out, String name, PostfixLogView.Split s) {
    out.add(
        String.format(
            Locale.ROOT, "  %-24s %8s %8s %8s", name, s(s.p50()), s(s.p95()), s(s.max())));
  }

  private static void reasons(List<String> out, String title, List<PostfixLogView.ReasonRow> rows) {
    if (rows.isEmpty()) return;
    out.add("");
    out.add(title);
    for (var r : rows) {
      out.add(String.format(Locale.ROOT, "  %7d  %s", r.count(), r.label()));
      out.add("           " + cut(r.reason(), WIDTH - 11));
    }
  }

  private static void counts(List<String> out, String title, List<PostfixLogView.Count> rows) {
    if (rows.isEmpty()) return;
    out.add("");
    out.add(title);
    for (var c : rows)
      out.add(String.format(Locale.ROOT, "  %7d  %s", c.count(), cut(c.name(), WIDTH - 11)));
  }

  private static String join(List<PostfixLogView.Count> rows) {
    List<String> parts = new ArrayList<>();
    for (var c : rows) parts.add(c.name() + " " + c.count());
    return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
  }

  static List<String> config(PostfixConfigView v) {
    List<String> out = new ArrayList<>();
    out.add("Postfix configuration: " + String.join(", ", v.sources()));
    if (!v.services().isEmpty()) {
      out.add("");
      out.add("smtpd services");
      for (var s : v.services()) {
        out.add(
            String.format(
                Locale.ROOT,
                "  %-30s %-16s %s  [%s]",
                cut(s.service(), 30),
                s.role(),
                cut(s.listen(), 20),
                s.origin()));
        for (String o : s.overrides()) wrap(out, "      -o " + o);
      }
    }
    out.add("");
    out.add("Audited values (as written => expanded, [where from])");
    String scope = "";
    for (var s : v.settings()) {
      if (!s.scope().equals(scope)) {
        scope = s.scope();
        out.add("  " + scope);
      }
      String value = s.value().equals(s.expanded()) ? s.value() : s.value() + " => " + s.expanded();
      wrap(out, "    " + s.name() + " = " + value + "  [" + s.origin() + "]");
    }
    if (!v.certificates().isEmpty()) {
      out.add("");
      out.add("Certificates");
      for (var c : v.certificates()) {
        out.add("  " + c.scope() + ": " + c.certificate());
        out.add("    key " + c.key() + (c.keyMatches() ? " (matches)" : " (DOES NOT MATCH)"));
        c.notAfter().ifPresent(t -> out.add("    valid until " + t));
        if (!c.names().isEmpty()) wrap(out, "    names " + String.join(", ", c.names()));
        for (String p : c.problems()) wrap(out, "    ! " + p);
      }
    }
    return out;
  }

  /** Breaks a long line at spaces (or hard at the width), continuation lines indented. */
  static void wrap(List<String> out, String line) {
    String indent = " ".repeat(Math.min(8, leading(line) + 4));
    String rest = line;
    boolean firstLine = true;
    while (rest.length() > WIDTH) {
      int cutAt = rest.lastIndexOf(' ', WIDTH);
      if (cutAt <= indent.length()) cutAt = WIDTH;
      out.add(rest.substring(0, cutAt));
      rest = indent + rest.substring(cutAt).strip();
      firstLine = false;
    }
    if (!rest.isBlank() || firstLine) out.add(rest);
  }

  private static int leading(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') i++;
    return i;
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private static String s(double sec) {
    if (sec >= 100) return String.format(Locale.ROOT, "%.0f", sec);
    return String.format(Locale.ROOT, "%.2f", sec);
  }

  static String bytes(long b) {
    if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
    if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", b / (double) (1L << 20));
    if (b >= 1L << 10) return String.format(Locale.ROOT, "%.1f kB", b / 1024.0);
    return b + " B";
  }
}
