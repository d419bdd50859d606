package dev.mailcheck.checks.postfix.log;

import java.util.Locale;

/** Why Postfix refused a client, a sender, a recipient or content: the restriction that fired. */
enum RejectKind {
  RELAY_DENIED("relay access denied (reject_unauth_destination)"),
  UNKNOWN_RECIPIENT("unknown recipient (local/virtual recipient maps)"),
  BLOCKLIST("client on a DNS blocklist (reject_rbl_client, postscreen)"),
  REVERSE_DNS("client without (matching) reverse DNS (reject_unknown_client_hostname)"),
  HELO("HELO/EHLO name refused (reject_*_helo_hostname)"),
  SENDER("sender address refused (reject_unknown_sender_domain, access maps)"),
  RECIPIENT("recipient address refused (access maps, reject_unknown_recipient_domain)"),
  CLIENT("client refused (access maps)"),
  AUTH_REQUIRED("authentication or TLS required"),
  PROTOCOL("protocol violation (pipelining, bad syntax)"),
  SIZE("message too large (message_size_limit)"),
  CONTENT("content refused (header_checks, body_checks)"),
  MILTER("refused by a milter (spam/virus filter, DKIM/DMARC milter)"),
  POLICY("refused by a policy service or access map"),
  OTHER("other");

  private final String label;

  RejectKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The restriction behind an smtpd/postscreen reply text. */
  static RejectKind ofReply(String reply) {
    String t = reply.toLowerCase(Locale.ROOT);
    if (t.contains("relay access denied")) return RELAY_DENIED;
    if (t.contains("user unknown") || t.contains("unknown user")) return UNKNOWN_RECIPIENT;
    if (t.contains("blocked using") || t.contains("dnsbl")) return BLOCKLIST;
    if (t.contains("cannot find your hostname") || t.contains("cannot find your reverse hostname"))
      return REVERSE_DNS;
    if (t.contains("helo command rejected")) return HELO;
    if (t.contains("sender address rejected")) return SENDER;
    if (t.contains("recipient address rejected")) return RECIPIENT;
    if (t.contains("client host rejected")) return CLIENT;
    if (t.contains("must issue a starttls")
        || t.contains("authentication required")
        || t.contains("encryption required")) return AUTH_REQUIRED;
    if (t.contains("protocol error")
        || t.contains("improper use of smtp command pipelining")
        || t.contains("syntax")) return PROTOCOL;
    if (t.contains("message size exceeds") || t.contains("too large")) return SIZE;
    if (t.contains("policy") || t.contains("access denied")) return POLICY;
    return OTHER;
  }
}
