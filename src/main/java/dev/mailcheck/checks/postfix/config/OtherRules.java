package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names, limits, blocklists, signing, and the state of the files themselves.
 *
 * <p>Over the ~300-line guide on purpose: a dozen small independent rules, each a few lines with
 * its remedy; one class per rule would scatter a table that reads best together.
 */
final class OtherRules {
  private OtherRules() {}

  static Finding myhostname(PostfixConfig c, Service s) {
    Setting h = c.get(s, "myhostname");
    String v = h.value().strip().toLowerCase(Locale.ROOT);
    List<String> ev = List.of(Remedies.show(h));
    if (!h.explicit())
      return Finding.of(FindingId.POSTFIX_CONFIG_MYHOSTNAME, Status.WARN, "myhostname is not set")
          .detail(
              "Postfix then uses this machine's host name, often a short or internal name; receivers compare the HELO name with DNS.")
          .remedy(
              Remedies.main("myhostname", "mail.example.com")
                  + "   (your server's public name, with an A record and a matching PTR)")
          .build();
    boolean fqdn = v.indexOf('.') > 0 && !v.endsWith(".") && v.matches("[a-z0-9.-]+");
    boolean internal =
        v.equals("localhost")
            || v.endsWith(".localdomain")
            || v.endsWith(".local")
            || v.endsWith(".lan")
            || v.endsWith(".internal")
            || v.endsWith(".localhost")
            || v.endsWith(".home.arpa");
    if (!fqdn || internal)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MYHOSTNAME,
              Status.FAIL,
              "myhostname is not a public fully qualified name: " + h.value())
          .detail(
              "Postfix greets and says HELO with myhostname; many receivers reject a HELO that is not a fully qualified, resolvable name (reject_non_fqdn_helo_hostname).")
          .evidence(ev)
          .remedy(
              Remedies.set(h, "mail.example.com")
                  + "   (your server's public name, with an A record and a matching PTR)")
          .build();
    return Finding.of(FindingId.POSTFIX_CONFIG_MYHOSTNAME, Status.PASS, "myhostname " + v)
        .detail("Check with DNS: mailcheck ptr <this server's address> should show " + v + ".")
        .evidence(ev)
        .build();
  }

  static Finding vrfy(PostfixConfig c) {
    Setting s = c.get("disable_vrfy_command");
    if (s.isYes())
      return Finding.of(FindingId.POSTFIX_CONFIG_VRFY, Status.PASS, "VRFY disabled")
          .evidence(Remedies.show(s))
          .build();
    return Finding.of(FindingId.POSTFIX_CONFIG_VRFY, Status.WARN, "VRFY enabled")
        .detail("VRFY lets anyone test which addresses exist (address harvesting for spam).")
        .evidence(Remedies.show(s))
        .remedy(Remedies.set(s, "yes"))
        .build();
  }

  static Finding heloRequired(PostfixConfig c) {
    Setting s = c.get("smtpd_helo_required");
    if (s.isYes())
      return Finding.of(FindingId.POSTFIX_CONFIG_HELO_REQUIRED, Status.PASS, "HELO/EHLO required")
          .evidence(Remedies.show(s))
          .build();
    return Finding.of(FindingId.POSTFIX_CONFIG_HELO_REQUIRED, Status.WARN, "HELO/EHLO not required")
        .detail(
            "Real MTAs always greet; clients that skip HELO are almost always spam bots, and HELO restrictions cannot apply without it.")
        .evidence(Remedies.show(s))
        .remedy(Remedies.set(s, "yes"))
        .build();
  }

  static Finding messageSize(PostfixConfig c) {
    Setting s = c.get("message_size_limit");
    Setting box = c.get("mailbox_size_limit");
    long size = number(s.value());
    long mailbox = number(box.value());
    List<String> ev = List.of(Remedies.show(s), Remedies.show(box));
    if (size < 0)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MESSAGE_SIZE,
              Status.FAIL,
              "message_size_limit is not a number: " + s.value())
          .evidence(ev)
          .remedy(Remedies.set(s, "26214400"))
          .build();
    if (size == 0)
      return Finding.of(FindingId.POSTFIX_CONFIG_MESSAGE_SIZE, Status.WARN, "No message size limit")
          .detail("message_size_limit = 0: a client may fill the queue's disk with one message.")
          .evidence(ev)
          .remedy(Remedies.set(s, "26214400"))
          .build();
    if (mailbox > 0 && mailbox < size)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MESSAGE_SIZE,
              Status.FAIL,
              "mailbox_size_limit is smaller than message_size_limit")
          .detail(
              "Postfix refuses to start local delivery with this (fatal: mailbox_size_limit is smaller than message_size_limit).")
          .evidence(ev)
          .remedy(Remedies.set(box, String.valueOf(size * 5)))
          .build();
    if (size < 1_000_000)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MESSAGE_SIZE,
              Status.WARN,
              "message_size_limit is under 1 MB")
          .detail("Ordinary mail with an attachment is refused; the common limits are 10-50 MB.")
          .evidence(ev)
          .remedy(Remedies.set(s, "26214400"))
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_MESSAGE_SIZE,
            Status.PASS,
            "message_size_limit " + (size / 1_000_000) + " MB")
        .evidence(ev)
        .build();
  }

  static Finding rateLimits(PostfixConfig c, boolean sasl) {
    List<String> ev = new ArrayList<>();
    long set = 0;
    for (String n :
        List.of(
            "smtpd_client_connection_rate_limit",
            "smtpd_client_message_rate_limit",
            "smtpd_client_recipient_rate_limit",
            "smtpd_client_auth_rate_limit")) {
      Setting s = c.get(n);
      ev.add(Remedies.show(s));
      if (number(s.value()) > 0) set++;
    }
    ev.add(Remedies.show(c.get("smtpd_client_connection_count_limit")));
    Setting auth = c.get("smtpd_client_auth_rate_limit");
    if (sasl && number(auth.value()) <= 0)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_RATE_LIMITS,
              Status.WARN,
              "No limit on AUTH attempts per client")
          .detail(
              "SASL is on and smtpd_client_auth_rate_limit = 0: a password guesser may try as fast as the server answers (anvil counts per client per anvil_rate_time_unit).")
          .evidence(ev)
          .remedy(Remedies.main("smtpd_client_auth_rate_limit", "10"))
          .build();
    if (set == 0)
      return Finding.of(FindingId.POSTFIX_CONFIG_RATE_LIMITS, Status.INFO, "No anvil rate limits")
          .detail(
              "One client may open connections and send messages as fast as it likes. Limits protect against runaway scripts and compromised accounts.")
          .evidence(ev)
          .remedy(
              Remedies.main("smtpd_client_connection_rate_limit", "60")
                  + "\n"
                  + Remedies.main("smtpd_client_message_rate_limit", "100"))
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_RATE_LIMITS, Status.PASS, set + " anvil rate limit(s) set")
        .evidence(ev)
        .build();
  }

  static Finding dnsbl(PostfixConfig c) {
    Setting sites = c.get("postscreen_dnsbl_sites");
    boolean postscreen = c.inetSmtpd().stream().anyMatch(s -> s.command().equals("postscreen"));
    List<String> rbl = new ArrayList<>();
    List<Service> scopes = new ArrayList<>();
    scopes.add(null);
    scopes.addAll(c.inetSmtpd());
    for (Service s : scopes)
      for (String n :
          List.of(
              "smtpd_client_restrictions",
              "smtpd_helo_restrictions",
              "smtpd_sender_restrictions",
              "smtpd_relay_restrictions",
              "smtpd_recipient_restrictions")) {
        List<String> items =
            PostfixConfig.items(c.get(s == null ? null : c.effective(s), n).value());
        for (int i = 0; i < items.size(); i++)
          if (items.get(i).startsWith("reject_rbl_client")
              || items.get(i).startsWith("reject_rhsbl_"))
            if (i + 1 < items.size() && !rbl.contains(items.get(i + 1))) rbl.add(items.get(i + 1));
      }
    List<String> ev = new ArrayList<>(List.of(Remedies.show(sites)));
    if (!rbl.isEmpty()) ev.add("smtpd restrictions use: " + String.join(", ", rbl));
    if (!sites.value().isBlank() && !postscreen)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_DNSBL,
              Status.WARN,
              "postscreen_dnsbl_sites is set but postscreen does not run")
          .detail(
              "master.cf has no 'smtp inet ... postscreen' entry, so the DNSBL sites are never asked.")
          .evidence(ev)
          .remedy(
              "In master.cf replace 'smtp inet n - y - - smtpd' with 'smtp inet n - y - 1 postscreen' and add 'smtpd pass - - y - - smtpd', 'dnsblog unix - - y - 0 dnsblog', 'tlsproxy unix - - y - 0 tlsproxy'; then postfix reload.")
          .build();
    if ((!sites.value().isBlank() && postscreen) || !rbl.isEmpty())
      return Finding.of(FindingId.POSTFIX_CONFIG_DNSBL, Status.PASS, "DNS blocklists in use")
          .evidence(ev)
          .build();
    return Finding.of(FindingId.POSTFIX_CONFIG_DNSBL, Status.INFO, "No DNS blocklist")
        .detail(
            "Most spam comes from addresses already on a blocklist; postscreen with a DNSBL refuses them before smtpd spends a process on them.")
        .evidence(ev)
        .remedy(
            Remedies.main("postscreen_dnsbl_sites", "zen.spamhaus.org*3 bl.spamcop.net*1")
                + "\n"
                + Remedies.main("postscreen_dnsbl_threshold", "3")
                + "   (and run postscreen on port 25 in master.cf)")
        .build();
  }

  static Finding dkim(PostfixConfig c) {
    Setting smtpd = c.get("smtpd_milters");
    Setting local = c.get("non_smtpd_milters");
    List<String> ev = List.of(Remedies.show(smtpd), Remedies.show(local));
    boolean overridden =
        c.inetSmtpd().stream().anyMatch(s -> c.effective(s).override("smtpd_milters").isPresent());
    if (smtpd.value().isBlank() && local.value().isBlank() && !overridden)
      return Finding.of(
              FindingId.POSTFIX_CONFIG_DKIM,
              Status.WARN,
              "No milter: outgoing mail is not DKIM-signed by Postfix")
          .detail(
              "Gmail, Yahoo and Microsoft require DKIM for bulk senders; without a signing milter (OpenDKIM, rspamd) mail leaves unsigned unless a relay signs it.")
          .evidence(ev)
          .remedy(
              Remedies.main("smtpd_milters", "inet:localhost:8891")
                  + "\n"
                  + Remedies.main("non_smtpd_milters", "$smtpd_milters")
                  + "\n"
                  + Remedies.main("milter_default_action", "accept")
                  + "   (with OpenDKIM listening on port 8891)")
          .build();
    if (local.value().isBlank())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_DKIM,
              Status.WARN,
              "Mail submitted with sendmail(1) is not signed")
          .detail(
              "smtpd_milters is set but non_smtpd_milters is empty: mail from cron, web applications and scripts that use the sendmail command bypasses the milter.")
          .evidence(ev)
          .remedy(Remedies.main("non_smtpd_milters", "$smtpd_milters"))
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_DKIM,
            Status.PASS,
            "Milters configured (DKIM signing presumed: " + smtpd.value() + ")")
        .detail(
            "mailcheck cannot see what the milter does; check a sent message with mailcheck dkim verify.")
        .evidence(ev)
        .build();
  }

  static Finding files(PostfixConfigFacts f) {
    PostfixConfig c = f.config();
    List<String> problems = new ArrayList<>(c.main().problems());
    problems.addAll(c.master().problems());
    String read = String.join(", ", f.sources());
    if (!c.hasMaster())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_FILES, Status.WARN, "No master.cf: services unknown")
          .detail(
              "Read "
                  + read
                  + ". Without master.cf (or postconf -M output) the audit assumes Postfix's default: one smtpd on port 25, no submission.")
          .evidence(problems)
          .remedy(
              f.fromPostconf()
                  ? "Also give the output of postconf -M (saved to a file, beside the postconf -n output)."
                  : "")
          .build();
    if (!problems.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_FILES,
              Status.WARN,
              problems.size() + " line(s) Postfix would complain about")
          .detail("Read " + read + ". postfix check shows the same lines.")
          .evidence(problems)
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_FILES,
            Status.PASS,
            "Configuration read: "
                + c.main().params().size()
                + " parameters, "
                + c.master().services().size()
                + " services")
        .detail("Read " + read + ".")
        .build();
  }

  static Finding expansion(PostfixConfig c) {
    if (!c.loops().isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_EXPANSION,
              Status.FAIL,
              "$name expansion loops: " + c.loops().get(0))
          .detail(
              "A parameter refers back to itself; Postfix stops with a fatal error when it expands it. Values shown keep the looping $name unexpanded.")
          .evidence(c.loops())
          .remedy(
              "Give one of the parameters in the chain a literal value (postconf -e 'name = value').")
          .build();
    if (!c.undefined().isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_EXPANSION,
              Status.WARN,
              "$name refers to undefined parameters: " + String.join(", ", c.undefined()))
          .detail(
              "They expand to nothing; often a typo or a parameter of a removed feature (postconf warns: undefined parameter).")
          .evidence(c.undefined())
          .build();
    return Finding.of(FindingId.POSTFIX_CONFIG_EXPANSION, Status.PASS, "Every $name expands")
        .build();
  }

  /** Postfix numbers: digits, optionally with a size suffix (k, m, g) in newer versions. */
  static long number(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) return -1;
    long mult = 1;
    char last = s.charAt(s.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      mult = last == 'k' ? 1024 : last == 'm' ? 1024 * 1024 : 1024L * 1024 * 1024;
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Long.parseLong(s) * mult;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
