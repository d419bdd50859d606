package dev.mailcheck.checks.postfix.log;

import dev.mailcheck.report.view.PostfixLogView;
import dev.mailcheck.report.view.PostfixLogView.BlocklistRow;
import dev.mailcheck.report.view.PostfixLogView.Count;
import dev.mailcheck.report.view.PostfixLogView.DomainRow;
import dev.mailcheck.report.view.PostfixLogView.ReasonRow;
import dev.mailcheck.report.view.PostfixLogView.RejectRow;
import dev.mailcheck.report.view.PostfixLogView.RelayRow;
import dev.mailcheck.report.view.PostfixLogView.SenderRow;
import dev.mailcheck.report.view.PostfixLogView.ServiceRow;
import dev.mailcheck.smtp.DeliveryProblem;
import dev.mailcheck.smtp.ReplyExplanations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds Postfix log lines, one at a time, into counters and bounded tables. Lines of one message
 * are joined by queue id (smtpd {@code client=}, qmgr {@code from=/size=}, the delivery agents'
 * {@code to=/status=}, qmgr {@code removed}) in a table of at most {@link Limits#messages} open
 * messages: the oldest is evicted (and counted) when a log holds more messages in flight than that,
 * so memory does not grow with the log.
 *
 * <p>Over the ~300-line guide on purpose: every kind of log line (smtpd, cleanup, qmgr, the
 * delivery agents, postscreen, anvil, SASL) updates the same message table and counters; the line
 * parser itself is separate.
 */
final class LogAggregator {
  /** Caps that bound memory: open messages, distinct keys per table, SMTP client PIDs. */
  record Limits(int messages, int tableKeys, int pids) {
    static final Limits DEFAULT = new Limits(100_000, 5_000, 4_096);
  }

  private static final Set<String> DAEMONS =
      Set.of(
          "smtpd",
          "smtp",
          "lmtp",
          "local",
          "virtual",
          "pipe",
          "cleanup",
          "qmgr",
          "oqmgr",
          "bounce",
          "pickup",
          "postscreen",
          "dnsblog",
          "anvil",
          "master",
          "error",
          "retry",
          "discard",
          "trivial-rewrite",
          "tlsmgr",
          "scache",
          "verify",
          "postfix-script",
          "sendmail",
          "postdrop",
          "tlsproxy",
          "postsuper",
          "showq",
          "spawn",
          "proxymap",
          "postlogd",
          "flush",
          "postmap",
          "postalias",
          "postqueue",
          "postlog",
          "postmulti",
          "defer",
          "trace",
          "relay");

  private final Limits limits;
  private final long since;
  private final long until;
  private final Optional<String> domain;

  // input
  long bytes;
  long lines;
  long postfixLines;
  long otherProgramLines;
  long unparsed;
  long overlong;
  long binary;
  long outsidePeriod;
  long joinEvicted;
  private long first = SyslogLine.NO_TIME;
  private long last = SyslogLine.NO_TIME;

  // totals
  private long received;
  private long delivered;
  private long forwarded;
  private long deferred;
  private long deferrals;
  private long bounced;
  private long expired;
  private long rejected;
  private long rejectWarnings;
  private long held;
  private long discarded;
  private long bytesReceived;
  private long bytesDelivered;
  private long notifications;
  private long warnings;
  private long fatals;
  private long panics;

  private final DelayHistogram delay = new DelayHistogram();
  private final DelayHistogram[] split = {
    new DelayHistogram(), new DelayHistogram(), new DelayHistogram(), new DelayHistogram()
  };

  // tables
  private final CountTable recipientDomains; // delivered, deferrals, bounced, delay sum, delay max
  private final CountTable senderDomains; // received, bytes
  private final CountTable relays; // delivered, deferrals, bounced
  private final CountTable deferralReasons; // count
  private final CountTable bounceReasons; // count
  private final CountTable rejections; // count
  private final CountTable blocklists; // rejections, listed
  private final CountTable postscreen;
  private final CountTable saslFailures;
  private final CountTable saslFailedUsers;
  private final CountTable saslLogins;
  private final CountTable inboundProtocols;
  private final CountTable inboundLevels;
  private final CountTable outboundProtocols;
  private final CountTable outboundLevels;
  private final CountTable services; // connections, received, rejected
  private final CountTable otherPrograms;
  private long inboundConnections;
  private long inboundTls;
  private long outboundDeliveries;
  private long outboundTlsDeliveries;
  private long handshakeErrors;

  private final LinkedHashMap<String, MessageState> open;
  private final LinkedHashMap<String, String> tlsPeerByPid;

  /** What is known of one message while its lines arrive. */
  private static final class MessageState {
    boolean received;
    boolean fromSeen;
    boolean deferred;
    long size = -1;
  }

  LogAggregator(
      Limits limits, Optional<Instant> since, Optional<Instant> until, Optional<String> domain) {
    this.limits = limits;
    this.since = since.map(Instant::getEpochSecond).orElse(Long.MIN_VALUE);
    this.until = until.map(Instant::getEpochSecond).orElse(Long.MAX_VALUE);
    this.domain = domain.map(d -> d.toLowerCase(Locale.ROOT));
    int k = limits.tableKeys();
    recipientDomains = new CountTable(5, k);
    senderDomains = new CountTable(2, k);
    relays = new CountTable(3, k);
    deferralReasons = new CountTable(1, Math.min(k, 1000));
    bounceReasons = new CountTable(1, Math.min(k, 1000));
    rejections = new CountTable(1, Math.min(k, 1000));
    blocklists = new CountTable(2, Math.min(k, 500));
    postscreen = new CountTable(1, 100);
    saslFailures = new CountTable(1, k);
    saslFailedUsers = new CountTable(1, k);
    saslLogins = new CountTable(1, k);
    inboundProtocols = new CountTable(1, 50);
    inboundLevels = new CountTable(1, 20);
    outboundProtocols = new CountTable(1, 50);
    outboundLevels = new CountTable(1, 20);
    services = new CountTable(3, 500);
    otherPrograms = new CountTable(1, 500);
    int cap = limits.messages();
    open =
        new LinkedHashMap<>(1024) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, MessageState> e) {
            if (size() > cap) {
              joinEvicted++;
              return true;
            }
            return false;
          }
        };
    int pids = limits.pids();
    tlsPeerByPid =
        new LinkedHashMap<>(256) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> e) {
            return size() > pids;
          }
        };
  }

  /** Counts one parsed line. */
  void accept(SyslogLine l) {
    long t = l.epochSecond;
    if (t < since || t > until) {
      outsidePeriod++;
      return;
    }
    String program = l.program;
    int slash = program.lastIndexOf('/');
    String daemon = slash < 0 ? program : program.substring(slash + 1);
    if (slash < 0 || !DAEMONS.contains(daemon)) {
      otherProgramLines++;
      otherPrograms.inc(program, 0);
      return;
    }
    postfixLines++;
    if (first == SyslogLine.NO_TIME || t < first) first = t;
    if (last == SyslogLine.NO_TIME || t > last) last = t;
    String msg = l.message;
    if (msg.startsWith("warning: ")) {
      warnings++;
      if (daemon.equals("smtpd") || daemon.equals("postscreen")) smtpdWarning(msg);
      return;
    }
    if (msg.startsWith("fatal: ")) {
      fatals++;
      return;
    }
    if (msg.startsWith("panic: ")) {
      panics++;
      return;
    }
    int colon = msg.indexOf(": ");
    String qid =
        colon >= 5 && colon <= 20 && isQueueId(msg, colon) ? msg.substring(0, colon) : null;
    if (qid != null) {
      String rest = msg.substring(colon + 2);
      if (rest.startsWith("to=<") && rest.contains(", status=")) {
        delivery(qid, rest, daemon, l.pid);
        return;
      }
      switch (daemon) {
        case "smtpd" -> smtpdQueued(qid, rest, program);
        case "postscreen" -> {
          if (rest.startsWith("reject: ")) reject(rest.substring(8), program);
        }
        case "cleanup" -> cleanup(qid, rest);
        case "qmgr", "oqmgr" -> qmgr(qid, rest);
        case "pickup" -> {
          if (rest.startsWith("uid=") || rest.startsWith("sender=")) {
            if (domain.isEmpty()) received++;
            state(qid).received = true;
          }
        }
        case "bounce" -> {
          if (rest.contains(" notification: ")) notifications++;
        }
        default -> {}
      }
      return;
    }
    switch (daemon) {
      case "smtpd" -> smtpdSession(msg, program);
      case "postscreen" -> postscreenEvent(msg, program);
      case "smtp", "lmtp" -> {
        int i = msg.indexOf(" TLS connection established to ");
        if (i > 0) outboundTls(msg, i, l.pid);
      }
      case "dnsblog" -> {
        // addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2
        int i = msg.indexOf(" listed by domain ");
        if (i > 0) {
          int s = i + 18;
          int e = msg.indexOf(' ', s);
          blocklists.inc(msg.substring(s, e < 0 ? msg.length() : e).toLowerCase(Locale.ROOT), 1);
        }
      }
      case "tlsproxy" -> {
        int i = msg.indexOf(" TLS connection established from ");
        if (i > 0) inboundTlsLine(msg, i);
      }
      default -> {}
    }
  }

  private static boolean isQueueId(String msg, int end) {
    for (int i = 0; i < end; i++) {
      char c = msg.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return false;
    }
    return true;
  }

  private MessageState state(String qid) {
    MessageState s = open.get(qid);
    if (s == null) {
      s = new MessageState();
      open.put(qid, s);
    }
    return s;
  }

  // ---- smtpd -------------------------------------------------------------------------------

  private void smtpdQueued(String qid, String rest, String program) {
    if (rest.startsWith("client=")) {
      MessageState s = state(qid);
      s.received = true;
      if (domain.isEmpty()) {
        received++;
        services.inc(program, 1);
      }
      int u = rest.indexOf("sasl_username=");
      if (u > 0) {
        int e = rest.indexOf(", ", u);
        saslLogins.inc(rest.substring(u + 14, e < 0 ? rest.length() : e), 0);
      }
    } else if (rest.startsWith("reject: ")) {
      reject(rest.substring(8), program);
    } else if (rest.startsWith("reject_warning: ")) {
      rejectWarnings++;
    } else if (rest.startsWith("hold: ")) {
      held++;
    } else if (rest.startsWith("discard: ")) {
      discarded++;
    }
  }

  private void smtpdSession(String msg, String program) {
    if (msg.startsWith("connect from ")) {
      inboundConnections++;
      services.inc(program, 0);
      return;
    }
    if (msg.startsWith("disconnect from ") || msg.startsWith("lost connection ")) return;
    if (msg.startsWith("NOQUEUE: ")) {
      String rest = msg.substring(9);
      if (rest.startsWith("reject: ")) reject(rest.substring(8), program);
      else if (rest.startsWith("reject_warning: ")) rejectWarnings++;
      else if (rest.startsWith("hold: ")) held++;
      else if (rest.startsWith("discard: ")) discarded++;
      return;
    }
    int i = msg.indexOf(" TLS connection established from ");
    if (i > 0) {
      inboundTlsLine(msg, i);
      return;
    }
    if (msg.startsWith("SSL_accept error")) handshakeErrors++;
  }

  private void smtpdWarning(String msg) {
    // warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=x
    int sasl = msg.indexOf(": SASL ");
    if (sasl > 0 && msg.indexOf(" authentication failed", sasl) > 0) {
      String client = msg.substring(9, sasl);
      int b = client.lastIndexOf('[');
      if (b >= 0 && client.endsWith("]")) client = client.substring(b + 1, client.length() - 1);
      saslFailures.inc(client, 0);
      int u = msg.indexOf("sasl_username=", sasl);
      if (u > 0) {
        int e = msg.indexOf(", ", u);
        saslFailedUsers.inc(msg.substring(u + 14, e < 0 ? msg.length() : e), 0);
      }
    } else if (msg.startsWith("warning: TLS library problem")) {
      handshakeErrors++;
    }
  }

  /** {@code STAGE from CLIENT: REPLY; from=<s> to=<r> proto=ESMTP helo=<h>} */
  private void reject(String text, String program) {
    String stage = text.substring(0, Math.max(0, text.indexOf(' ')));
    if (domain.isPresent() && !mentionsDomain(text)) return;
    rejected++;
    services.inc(program, 2);
    int sep = text.indexOf("]: ");
    if (sep < 0) sep = text.indexOf(": ");
    String reply = sep < 0 ? text : text.substring(sep + (text.charAt(sep) == ']' ? 3 : 2));
    RejectKind kind = RejectKind.ofReply(reply);
    String reason = ReasonText.rejection(reply);
    String key = kind.token() + '\t' + stage + '\t' + reason;
    rejections.inc(key, 0);
    if (kind == RejectKind.BLOCKLIST) {
      String zone = ReasonText.blocklist(reply);
      if (!zone.isEmpty()) blocklists.inc(zone, 0);
    }
  }

  private boolean mentionsDomain(String text) {
    String d = domain.orElseThrow();
    for (String field : new String[] {"to=<", "from=<"}) {
      int i = text.indexOf(field);
      if (i >= 0) {
        int e = text.indexOf('>', i);
        if (e > i && matchesDomain(domainOf(text.substring(i + field.length(), e)), d)) return true;
      }
    }
    return false;
  }

  private static boolean matchesDomain(String candidate, String d) {
    return candidate.equals(d) || candidate.endsWith("." + d);
  }

  private void inboundTlsLine(String msg, int i) {
    inboundTls++;
    inboundLevels.inc(msg.substring(0, i), 0);
    inboundProtocols.inc(protocolAfter(msg, i), 0);
  }

  private void outboundTls(String msg, int i, String pid) {
    // Verified TLS connection established to mx.example.com[192.0.2.1]:25: TLSv1.3 with cipher ...
    outboundLevels.inc(msg.substring(0, i), 0);
    outboundProtocols.inc(protocolAfter(msg, i), 0);
    int s = i + 31;
    int e = msg.indexOf(": ", s);
    if (e > s && !pid.isEmpty()) tlsPeerByPid.put(pid, msg.substring(s, e));
  }

  private static String protocolAfter(String msg, int i) {
    int c = msg.indexOf(": ", i + 20);
    if (c < 0) return "unknown";
    int e = msg.indexOf(' ', c + 2);
    return msg.substring(c + 2, e < 0 ? msg.length() : e);
  }

  private void postscreenEvent(String msg, String program) {
    if (msg.startsWith("NOQUEUE: ")) {
      String rest = msg.substring(9);
      if (rest.startsWith("reject: ")) reject(rest.substring(8), program);
      return;
    }
    int end = 0;
    int n = msg.length();
    while (end < n) {
      int sp = msg.indexOf(' ', end);
      int stop = sp < 0 ? n : sp;
      boolean upper = stop > end;
      for (int k = end; k < stop && upper; k++) {
        char c = msg.charAt(k);
        upper = (c >= 'A' && c <= 'Z') || c == '-';
      }
      if (!upper) break;
      end = stop + 1;
      if (sp < 0) break;
    }
    if (end > 0) postscreen.inc(msg.substring(0, Math.min(end, n)).strip(), 0);
  }

  // ---- cleanup, qmgr -------------------------------------------------------------------------

  private void cleanup(String qid, String rest) {
    boolean milter = rest.startsWith("milter-");
    String r = milter ? rest.substring(7) : rest;
    if (r.startsWith("reject: ")) {
      if (domain.isPresent() && !mentionsDomain(r)) return;
      rejected++;
      String body = r.substring(8);
      String stage = body.substring(0, Math.max(0, body.indexOf(' ')));
      String reply;
      int tail = body.lastIndexOf(">: ");
      int from = body.indexOf("; from=<");
      if (from >= 0 && tail > from) reply = body.substring(tail + 3);
      else {
        int s = body.indexOf("]: ");
        reply = s >= 0 ? body.substring(s + 3) : body;
      }
      RejectKind kind = milter ? RejectKind.MILTER : RejectKind.CONTENT;
      rejections.inc(kind.token() + '\t' + stage + '\t' + ReasonText.rejection(reply), 0);
    } else if (r.startsWith("hold: ")) {
      held++;
    } else if (r.startsWith("discard: ")) {
      discarded++;
    }
  }

  private void qmgr(String qid, String rest) {
    if (rest.startsWith("from=<")) {
      int e = rest.indexOf(">, ");
      if (e < 0) return;
      String from = rest.substring(6, e);
      String after = rest.substring(e + 3);
      if (after.startsWith("size=")) {
        MessageState s = state(qid);
        if (s.fromSeen) return;
        s.fromSeen = true;
        int c = after.indexOf(',');
        s.size = parseLong(after.substring(5, c < 0 ? after.length() : c));
        if (!s.received) return;
        String d = from.isEmpty() ? "<>" : domainOf(from);
        if (domain.isPresent()) {
          if (!matchesDomain(d, domain.get())) return;
          received++;
        }
        senderDomains.inc(d, 0);
        senderDomains.add(d, 1, Math.max(0, s.size));
        bytesReceived += Math.max(0, s.size);
      } else if (after.startsWith("status=expired")) {
        if (domain.isEmpty() || matchesDomain(domainOf(from), domain.get())) expired++;
      }
    } else if (rest.equals("removed")) {
      open.remove(qid);
    }
  }

  // ---- delivery agents ----------------------------------------------------------------------

  /**
   * {@code to=<r>, orig_to=<o>, relay=R, conn_use=N, delay=D, delays=a/b/c/d, dsn=X, status=S
   * (text)}
   */
  private void delivery(String qid, String rest, String daemon, String pid) {
    int e = rest.indexOf(">, ");
    if (e < 0) return;
    String to = rest.substring(4, e);
    String rcptDomain = domainOf(to);
    if (domain.isPresent() && !matchesDomain(rcptDomain, domain.get())) return;
    String relay = "";
    long delayCentis = -1;
    String delays = "";
    String status = "";
    String text = "";
    int p = e + 3;
    int n = rest.length();
    while (p < n) {
      int eq = rest.indexOf('=', p);
      if (eq < 0) break;
      String key = rest.substring(p, eq);
      if (key.equals("status")) {
        int sp = rest.indexOf(' ', eq + 1);
        status = rest.substring(eq + 1, sp < 0 ? n : sp);
        if (sp > 0 && sp + 1 < n && rest.charAt(sp + 1) == '(') {
          int close = rest.lastIndexOf(')');
          text = close > sp + 2 ? rest.substring(sp + 2, close) : rest.substring(sp + 2);
        }
        break;
      }
      int comma;
      if (rest.startsWith("<", eq + 1)) {
        int gt = rest.indexOf('>', eq + 1);
        comma = gt < 0 ? -1 : rest.indexOf(", ", gt);
      } else comma = rest.indexOf(", ", eq + 1);
      String value = rest.substring(eq + 1, comma < 0 ? n : comma);
      switch (key) {
        case "relay" -> relay = value;
        case "delay" -> delayCentis = centis(value, 0, value.length());
        case "delays" -> delays = value;
        default -> {}
      }
      if (comma < 0) break;
      p = comma + 2;
    }
    String relayKey = relayKey(relay);
    MessageState s = open.get(qid);
    switch (status) {
      case "sent" -> {
        if (text.contains("forwarded as ")) {
          forwarded++;
          return;
        }
        delivered++;
        recipientDomains.inc(rcptDomain, 0);
        if (delayCentis >= 0) {
          delay.add(delayCentis);
          recipientDomains.add(rcptDomain, 3, delayCentis);
          recipientDomains.max(rcptDomain, 4, delayCentis);
        }
        addSplit(delays);
        relays.inc(relayKey, 0);
        if (s != null && s.size > 0) bytesDelivered += s.size;
        if ((daemon.equals("smtp") || daemon.equals("lmtp")) && !relay.equals("none")) {
          outboundDeliveries++;
          String peer = pid.isEmpty() ? null : tlsPeerByPid.get(pid);
          if (peer != null && peer.equals(relay)) outboundTlsDeliveries++;
        }
      }
      case "deferred" -> {
        deferrals++;
        if (s == null) s = state(qid);
        if (!s.deferred) {
          s.deferred = true;
          deferred++;
        }
        recipientDomains.inc(rcptDomain, 1);
        recipientDomains.max(rcptDomain, 4, Math.max(0, delayCentis));
        relays.inc(relayKey, 1);
        reason(deferralReasons, text);
      }
      case "bounced" -> {
        bounced++;
        recipientDomains.inc(rcptDomain, 2);
        relays.inc(relayKey, 2);
        reason(bounceReasons, text);
      }
      default -> {}
    }
  }

  private static void reason(CountTable table, String text) {
    DeliveryProblem kind = ReplyExplanations.classify(text);
    String key = kind.name() + '\t' + ReasonText.delivery(text);
    table.inc(key, 0);
  }

  private void addSplit(String delays) {
    int p = 0;
    for (int i = 0; i < 4; i++) {
      int slash = delays.indexOf('/', p);
      int end = slash < 0 ? delays.length() : slash;
      if (end <= p) return;
      long c = centis(delays, p, end);
      if (c >= 0) split[i].add(c);
      if (slash < 0) return;
      p = slash + 1;
    }
  }

  /** "mx.example.com[192.0.2.1]:25" without the port; "none" and "local" as they are. */
  private static String relayKey(String relay) {
    int b = relay.lastIndexOf(']');
    if (b > 0 && b + 1 < relay.length() && relay.charAt(b + 1) == ':')
      return relay.substring(0, b + 1);
    return relay.isEmpty() ? "none" : relay;
  }

  /** Decimal seconds ("0.12", "3", "1.5") as hundredths; -1 when not a number. */
  static long centis(String s, int from, int to) {
    long whole = 0;
    int i = from;
    boolean any = false;
    while (i < to && Character.isDigit(s.charAt(i))) {
      whole = whole * 10 + (s.charAt(i++) - '0');
      any = true;
      if (whole > 1_000_000_000L) return -1;
    }
    long frac = 0;
    if (i < to && s.charAt(i) == '.') {
      i++;
      int digits = 0;
      while (i < to && Character.isDigit(s.charAt(i))) {
        if (digits < 2) frac = frac * 10 + (s.charAt(i) - '0');
        digits++;
        i++;
        any = true;
      }
      if (digits == 1) frac *= 10;
    }
    if (!any || i != to) return -1;
    return whole * 100 + frac;
  }

  private static long parseLong(String s) {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9' || v > Long.MAX_VALUE / 10 - 10) return -1;
      v = v * 10 + (c - '0');
    }
    return s.isEmpty() ? -1 : v;
  }

  /** The domain of an address, lower case (pflogsumm's rule: after the first @). */
  static String domainOf(String address) {
    int at = address.indexOf('@');
    return at < 0
        ? address.toLowerCase(Locale.ROOT)
        : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  // ---- snapshot -------------------------------------------------------------------------------

  /** Everything counted so far, every table sorted (largest first) and complete up to its cap. */
  PostfixLogView snapshot(List<String> files, List<String> problems) {
    int all = Integer.MAX_VALUE;
    List<String> truncated = new ArrayList<>();
    Map<String, CountTable> named = new LinkedHashMap<>();
    named.put("recipientDomains", recipientDomains);
    named.put("senderDomains", senderDomains);
    named.put("relays", relays);
    named.put("deferralReasons", deferralReasons);
    named.put("bounceReasons", bounceReasons);
    named.put("rejections", rejections);
    named.put("blocklists", blocklists);
    named.put("saslFailures", saslFailures);
    named.put("saslFailedUsers", saslFailedUsers);
    named.put("saslLogins", saslLogins);
    named.put("otherPrograms", otherPrograms);
    named.forEach(
        (k, v) -> {
          if (v.truncated()) truncated.add(k);
        });
    var input =
        new PostfixLogView.Input(
            files,
            problems,
            bytes,
            lines,
            postfixLines,
            otherProgramLines,
            unparsed,
            overlong,
            binary,
            outsidePeriod,
            joinEvicted,
            time(first),
            time(last));
    var totals =
        new PostfixLogView.Totals(
            received,
            delivered,
            forwarded,
            deferred,
            deferrals,
            bounced,
            expired,
            rejected,
            rejectWarnings,
            held,
            discarded,
            bytesReceived,
            bytesDelivered,
            notifications,
            warnings,
            fatals,
            panics);
    var delays =
        new PostfixLogView.Delays(
            delay.count(),
            sec(delay.quantile(0.5)),
            sec(delay.quantile(0.9)),
            sec(delay.quantile(0.95)),
            sec(delay.quantile(0.99)),
            sec(delay.maxCentis()),
            split(split[0]),
            split(split[1]),
            split(split[2]),
            split(split[3]));
    List<DomainRow> domains =
        recipientDomains.top(0, all).stream()
            .sorted((a, b) -> Long.compare(weight(b.getValue()), weight(a.getValue())))
            .map(
                e -> {
                  long[] r = e.getValue();
                  double avg = r[0] == 0 ? 0 : r[3] / 100.0 / r[0];
                  return new DomainRow(e.getKey(), r[0], r[1], r[2], round2(avg), sec(r[4]));
                })
            .toList();
    List<SenderRow> senders =
        senderDomains.top(0, all).stream()
            .map(e -> new SenderRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    List<RelayRow> relayRows =
        relays.top(0, all).stream()
            .sorted((a, b) -> Long.compare(weight(b.getValue()), weight(a.getValue())))
            .map(e -> new RelayRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
            .toList();
    List<RejectRow> rejectRows =
        rejections.top(0, all).stream()
            .map(
                e -> {
                  String[] k = e.getKey().split("\t", 3);
                  RejectKind kind =
                      RejectKind.valueOf(k[0].toUpperCase(Locale.ROOT).replace('-', '_'));
                  return new RejectRow(kind.token(), kind.label(), k[1], k[2], e.getValue()[0]);
                })
            .toList();
    List<BlocklistRow> bl =
        blocklists.top(0, all).stream()
            .sorted(
                (a, b) ->
                    Long.compare(
                        b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
            .map(e -> new BlocklistRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    var tls =
        new PostfixLogView.Tls(
            inboundConnections,
            inboundTls,
            counts(inboundProtocols),
            counts(inboundLevels),
            outboundDeliveries,
            outboundTlsDeliveries,
            counts(outboundProtocols),
            counts(outboundLevels),
            handshakeErrors);
    List<ServiceRow> svc =
        services.top(0, all).stream()
            .map(e -> new ServiceRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
            .toList();
    return new PostfixLogView(
        input,
        totals,
        delays,
        domains,
        senders,
        relayRows,
        reasons(deferralReasons),
        reasons(bounceReasons),
        rejectRows,
        bl,
        counts(postscreen),
        counts(saslFailures),
        counts(saslFailedUsers),
        counts(saslLogins),
        tls,
        svc,
        counts(otherPrograms),
        truncated,
        all);
  }

  private static long weight(long[] r) {
    return r[0] + r[1] + r[2];
  }

  private static List<ReasonRow> reasons(CountTable t) {
    return t.top(0, Integer.MAX_VALUE).stream()
        .map(
            e -> {
              String[] k = e.getKey().split("\t", 2);
              DeliveryProblem p = DeliveryProblem.valueOf(k[0]);
              return new ReasonRow(
                  p.token(), p.label(), k[1], e.getValue()[0], p.explanation(), p.remedy());
            })
        .toList();
  }

  private static List<Count> counts(CountTable t) {
    return t.top(0, Integer.MAX_VALUE).stream()
        .map(e -> new Count(e.getKey(), e.getValue()[0]))
        .toList();
  }

  private static PostfixLogView.Split split(DelayHistogram h) {
    return new PostfixLogView.Split(
        sec(h.quantile(0.5)), sec(h.quantile(0.95)), sec(h.maxCentis()));
  }

  private static double sec(long centis) {
    return centis / 100.0;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static Optional<String> time(long epoch) {
    return epoch == SyslogLine.NO_TIME
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(epoch).toString());
  }
}
