package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Who may send through the server: relay restrictions, mynetworks, submission and smtps. */
final class AccessRules {
  private AccessRules() {}

  static final String SAFE_RELAY =
      "permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

  private static final Set<String> PROTECT =
      Set.of("reject_unauth_destination", "defer_unauth_destination", "reject", "defer");

  enum Guard {
    PROTECTS,
    PERMIT_FIRST,
    NONE
  }

  /** How a restriction list treats a stranger's mail to another domain (left to right). */
  static Guard guard(List<String> items) {
    for (String t : items) {
      String r = t.toLowerCase(Locale.ROOT);
      if (PROTECT.contains(r)) return Guard.PROTECTS;
      if (r.equals("permit")) return Guard.PERMIT_FIRST;
    }
    return Guard.NONE;
  }

  static Finding relay(PostfixConfig c, Service svc) {
    Setting relay = c.get(svc, "smtpd_relay_restrictions");
    Setting rcpt = c.get(svc, "smtpd_recipient_restrictions");
    Guard g1 = guard(PostfixConfig.items(relay.value()));
    Guard g2 = guard(PostfixConfig.items(rcpt.value()));
    List<String> ev = List.of(Remedies.show(relay), Remedies.show(rcpt));
    if (g1 == Guard.PROTECTS || g2 == Guard.PROTECTS) {
      Setting which = g1 == Guard.PROTECTS ? relay : rcpt;
      List<String> conditional = new ArrayList<>();
      for (String t : PostfixConfig.items(which.value())) {
        if (PROTECT.contains(t.toLowerCase(Locale.ROOT))) break;
        if (t.startsWith("check_")) conditional.add(t);
      }
      String detail =
          which.name()
              + " refuses mail for other domains from clients it does not trust"
              + " (reject_unauth_destination).";
      if (!conditional.isEmpty())
        detail +=
            " Before it, "
                + String.join(", ", conditional)
                + " may answer OK and permit relaying: make sure its table does so only for trusted"
                + " clients.";
      return Finding.of(FindingId.POSTFIX_CONFIG_RELAY, Status.PASS, "Relaying is restricted")
          .detail(detail)
          .evidence(ev)
          .build();
    }
    String why =
        g1 == Guard.PERMIT_FIRST || g2 == Guard.PERMIT_FIRST
            ? "an unconditional permit comes before any reject_unauth_destination"
            : "neither list ends in reject_unauth_destination or defer_unauth_destination";
    return Finding.of(
            FindingId.POSTFIX_CONFIG_RELAY,
            Status.FAIL,
            "Open relay: anyone may send through this server")
        .detail(
            "Mail is relayed when it passes both smtpd_relay_restrictions and"
                + " smtpd_recipient_restrictions; here "
                + why
                + ". Spammers find open relays within hours and blocklists list them.")
        .evidence(ev)
        .remedy(Remedies.set(relay, SAFE_RELAY))
        .build();
  }

  static Finding mynetworks(PostfixConfig c) {
    return mynetworks(c, Map.of());
  }

  /**
   * @param tables the tables and files mynetworks names, as read (empty for postconf output, whose
   *     files are on another machine): their networks are judged like the inline ones
   */
  static Finding mynetworks(PostfixConfig c, Map<String, NetworkTables.Table> tables) {
    Setting s = c.get("mynetworks");
    if (!s.explicit()) {
      Setting style = c.get("mynetworks_style");
      String st = style.value().strip().toLowerCase(Locale.ROOT);
      List<String> ev = List.of(Remedies.show(style));
      if (st.equals("host"))
        return Finding.of(
                FindingId.POSTFIX_CONFIG_MYNETWORKS, Status.PASS, "mynetworks: this host only")
            .detail(
                "mynetworks is not set; mynetworks_style = host trusts only this machine's own addresses.")
            .evidence(ev)
            .build();
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MYNETWORKS,
              st.equals("class") ? Status.FAIL : Status.WARN,
              "mynetworks trusts every host on this machine's "
                  + (st.equals("class") ? "classful networks" : "subnets"))
          .detail(
              "mynetworks is not set and mynetworks_style = "
                  + st
                  + " (the default below compatibility_level 2): every host there may relay without"
                  + " authentication.")
          .evidence(ev)
          .remedy(Remedies.main("mynetworks", "127.0.0.0/8 [::1]/128"))
          .build();
    }
    List<String> wide = new ArrayList<>();
    List<String> tooWide = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    List<String> read = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (String t : PostfixConfig.items(s.value())) {
      if (!NetworkTables.isTable(t)) {
        items.add(t);
        continue;
      }
      NetworkTables.Table table = tables.get(t);
      if (table == null || table.problem().isPresent()) {
        unread.add(table == null ? t : t + " (" + table.problem().get() + ")");
        continue;
      }
      read.add(t + " (" + table.networks().size() + " networks)");
      for (String n : table.networks()) items.add(n + " (" + t + ")");
    }
    for (String item : items) {
      String t = item;
      int from = item.indexOf(" (");
      if (from > 0) item = item.substring(0, from);
      String net = item.replace("[", "").replace("]", "");
      int slash = net.indexOf('/');
      if (slash < 0) continue;
      int len;
      try {
        len = Integer.parseInt(net.substring(slash + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      boolean v6 = net.contains(":");
      String addr = net.substring(0, slash);
      if (!v6 && addr.startsWith("127.")) continue;
      if (v6 && (addr.equals("::1") || addr.equalsIgnoreCase("fe80::"))) continue;
      if (len == 0 || (!v6 && len < 16) || (v6 && len < 32)) tooWide.add(t);
      else if ((!v6 && len < 24) || (v6 && len < 64)) wide.add(t);
    }
    List<String> ev = new ArrayList<>(List.of(Remedies.show(s)));
    if (!read.isEmpty()) ev.add("read: " + String.join(", ", read));
    if (!unread.isEmpty())
      ev.add("not checked (lookup tables/files): " + String.join(", ", unread));
    if (!tooWide.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MYNETWORKS,
              Status.FAIL,
              "mynetworks is far too wide: " + String.join(", ", tooWide))
          .detail(
              "Every address in mynetworks may relay without authentication (permit_mynetworks): this is an open relay for a large part of the Internet.")
          .evidence(ev)
          .remedy(Remedies.set(s, "127.0.0.0/8 [::1]/128"))
          .build();
    if (!wide.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MYNETWORKS,
              Status.WARN,
              "mynetworks is wide: " + String.join(", ", wide))
          .detail(
              "Every host in these networks may relay without authentication; list only the hosts that send through this server and let the others authenticate (SASL on 587).")
          .evidence(ev)
          .remedy(Remedies.set(s, "127.0.0.0/8 [::1]/128"))
          .build();
    return Finding.of(FindingId.POSTFIX_CONFIG_MYNETWORKS, Status.PASS, "mynetworks is narrow")
        .evidence(ev)
        .build();
  }

  /** Port 587: TLS required, SASL on, only authenticated clients. */
  static List<Finding> submission(PostfixConfig c) {
    List<Finding> out = new ArrayList<>();
    for (Service inet : c.inetSmtpd()) {
      if (inet.port() != 587) continue;
      Service s = c.effective(inet);
      List<String> problems = new ArrayList<>();
      List<String> remedies = new ArrayList<>();
      Setting level = c.get(s, "smtpd_tls_security_level");
      boolean encrypt = level.value().equals("encrypt") || c.get(s, "smtpd_enforce_tls").isYes();
      if (!encrypt) {
        problems.add("TLS is not required (smtpd_tls_security_level = " + level.value() + ")");
        remedies.add(Remedies.service(s.id(), "smtpd_tls_security_level", "encrypt"));
      }
      Setting sasl = c.get(s, "smtpd_sasl_auth_enable");
      if (!sasl.isYes()) {
        problems.add("SASL authentication is off (smtpd_sasl_auth_enable = " + sasl.value() + ")");
        remedies.add(Remedies.service(s.id(), "smtpd_sasl_auth_enable", "yes"));
      }
      boolean authOnly = false;
      List<String> ev = new ArrayList<>(List.of(Remedies.show(level), Remedies.show(sasl)));
      for (String n :
          List.of(
              "smtpd_client_restrictions",
              "smtpd_relay_restrictions",
              "smtpd_recipient_restrictions")) {
        Setting r = c.get(s, n);
        ev.add(Remedies.show(r));
        List<String> items = PostfixConfig.items(r.value());
        if (items.size() >= 2
            && items.get(0).equals("permit_sasl_authenticated")
            && items.get(items.size() - 1).equals("reject")
            && items.stream().noneMatch(t -> t.equals("permit"))) authOnly = true;
      }
      if (!authOnly) {
        problems.add(
            "clients that have not authenticated are not refused (no restriction list is 'permit_sasl_authenticated, reject')");
        remedies.add(
            Remedies.service(
                s.id(), "smtpd_client_restrictions", "permit_sasl_authenticated,reject"));
      }
      if (problems.isEmpty())
        out.add(
            Finding.of(
                    FindingId.POSTFIX_CONFIG_SUBMISSION,
                    Status.PASS,
                    "Submission requires TLS and authentication")
                .subject(s.id())
                .evidence(ev)
                .build());
      else
        out.add(
            Finding.of(
                    FindingId.POSTFIX_CONFIG_SUBMISSION,
                    Status.WARN,
                    "Submission (587) is not locked down")
                .subject(s.id())
                .detail(
                    String.join("; ", problems)
                        + ". RFC 8314/6409: the submission port is for authenticated users over TLS.")
                .evidence(ev)
                .remedy(String.join("\n", remedies))
                .build());
    }
    if (out.isEmpty())
      out.add(
          Finding.of(
                  FindingId.POSTFIX_CONFIG_SUBMISSION,
                  Status.INFO,
                  "No submission service on port 587")
              .detail(
                  "Mail clients submit on 587 (STARTTLS) or 465 (implicit TLS), not on 25. Not needed on a server that only receives.")
              .remedy(
                  "Uncomment the 'submission inet ... smtpd' entry and its -o lines in master.cf, then postfix reload.")
              .build());
    return out;
  }

  /** Port 465: smtpd_tls_wrappermode = yes and SASL. */
  static List<Finding> smtps(PostfixConfig c) {
    List<Finding> out = new ArrayList<>();
    for (Service inet : c.inetSmtpd()) {
      if (inet.port() != 465) continue;
      Service s = c.effective(inet);
      Setting wrap = c.get(s, "smtpd_tls_wrappermode");
      Setting sasl = c.get(s, "smtpd_sasl_auth_enable");
      List<String> ev = List.of(Remedies.show(wrap), Remedies.show(sasl));
      if (!wrap.isYes())
        out.add(
            Finding.of(FindingId.POSTFIX_CONFIG_SMTPS, Status.FAIL, "Port 465 without implicit TLS")
                .subject(s.id())
                .detail(
                    "Clients on 465 start TLS at once (RFC 8314); without smtpd_tls_wrappermode = yes they see plain SMTP and give up.")
                .evidence(ev)
                .remedy(Remedies.service(s.id(), "smtpd_tls_wrappermode", "yes"))
                .build());
      else if (!sasl.isYes())
        out.add(
            Finding.of(
                    FindingId.POSTFIX_CONFIG_SMTPS,
                    Status.WARN,
                    "Port 465 without SASL authentication")
                .subject(s.id())
                .evidence(ev)
                .remedy(Remedies.service(s.id(), "smtpd_sasl_auth_enable", "yes"))
                .build());
      else
        out.add(
            Finding.of(
                    FindingId.POSTFIX_CONFIG_SMTPS, Status.PASS, "Port 465: implicit TLS with SASL")
                .subject(s.id())
                .evidence(ev)
                .build());
    }
    if (out.isEmpty())
      out.add(
          Finding.of(
                  FindingId.POSTFIX_CONFIG_SMTPS, Status.INFO, "No submissions service on port 465")
              .detail("RFC 8314 prefers implicit TLS (465) for mail clients over STARTTLS on 587.")
              .remedy(
                  "Uncomment the 'submissions inet ... smtpd' (older: 'smtps') entry with -o smtpd_tls_wrappermode=yes in master.cf, then postfix reload.")
              .build());
    return out;
  }
}
