package dev.mailcheck.smtp;

import java.util.Locale;

/**
 * Why a delivery attempt failed, in the few kinds mail administrators act on. The words (what it
 * means, what to do) live here once, for every command that meets failed deliveries: the Postfix
 * log analysis ({@code postfix log}), and the SMTP probe and send commands. {@link
 * ReplyExplanations#classify} maps a reply or a Postfix status text to a kind.
 */
public enum DeliveryProblem {
  TIMEOUT(
      "connection or conversation timed out",
      "The receiving host did not answer in time: a firewall dropping port 25, an ISP blocking"
          + " outbound port 25, or an overloaded server.",
      "Check that outbound port 25 is open from this host (many cloud and home networks block it);"
          + " if only one destination times out, it is their side: Postfix retries on its own."),
  CONNECTION_REFUSED(
      "connection refused",
      "Nothing listens on the port at that address: the receiving service is down or the route"
          + " (transport, relayhost, MX) points at the wrong host or port.",
      "Check the relayhost/transport entry and the destination's MX; if it is theirs, wait for"
          + " them: Postfix retries until maximal_queue_lifetime."),
  NETWORK(
      "network unreachable or lost connection",
      "No route to the host, or the connection broke off mid-session.",
      "Check routing and IPv6 connectivity (inet_protocols = ipv4 if this host has no working"
          + " IPv6)."),
  DNS(
      "DNS lookup failed",
      "The recipient domain or its MX host could not be resolved (temporary: the resolver failed;"
          + " permanent: the domain does not exist or has a null MX).",
      "Check this host's resolver (/etc/resolv.conf, a local cache such as unbound) and the"
          + " recipient's domain spelling."),
  TLS(
      "TLS failure",
      "The TLS handshake failed, the peer offered no STARTTLS although policy requires it, or its"
          + " certificate failed verification.",
      "Compare smtp_tls_security_level and smtp_tls_policy_maps with what the destination offers"
          + " (mailcheck smtp HOST); old peers may need smtp_tls_protocols/ciphers relaxed per"
          + " destination, never globally."),
  GREYLISTED(
      "greylisted",
      "The receiver asks first-time senders to retry later (greylisting): normal, delivery"
          + " succeeds on a later attempt.",
      "Nothing to do: Postfix retries. Keep a stable sending address and HELO name so the retry is"
          + " recognised."),
  RATE_LIMITED(
      "rate limited or too many connections",
      "The receiver throttles this sender (too many messages or connections, unusual volume).",
      "Slow down for that destination: a per-destination transport with"
          + " destination_concurrency_limit = 1 and destination_rate_delay = 1s."),
  MAILBOX_UNKNOWN(
      "mailbox does not exist",
      "The recipient address does not exist at the destination (550 5.1.1).",
      "Remove the address from lists; check for typos. Repeated sends to unknown users hurt"
          + " reputation."),
  MAILBOX_FULL(
      "mailbox full or over quota",
      "The recipient's mailbox is over quota (452/552 4.2.2/5.2.2).",
      "The recipient must make room; nothing to change on the sending side."),
  MESSAGE_TOO_BIG(
      "message too large",
      "The message is larger than the receiver accepts (552 5.3.4).",
      "Send large files as links; compare message_size_limit with the receiver's SIZE."),
  AUTHENTICATION(
      "sender authentication failed (SPF/DKIM/DMARC)",
      "The receiver refuses mail that fails SPF, DKIM or DMARC (Gmail 5.7.26/5.7.27, Microsoft"
          + " 5.7.509/5.7.515, Yahoo): the bulk-sender rules.",
      "Run mailcheck domain on the sending domain: publish SPF for this host, sign with DKIM, and"
          + " align them with a DMARC record."),
  CREDENTIALS(
      "SMTP authentication failed",
      "The server refused the login (535 5.7.8) or wants one first (530 5.7.0): wrong user name or"
          + " password, an app password needed because of 2FA, or AUTH disabled for the account.",
      "Check the credentials (Postfix: smtp_sasl_password_maps for the relayhost, then postmap);"
          + " authenticate only over TLS (smtp_tls_security_level = encrypt)."),
  REVERSE_DNS(
      "reverse DNS missing or mismatched",
      "The receiver requires a PTR record for this host's address that resolves back to it (Gmail"
          + " 5.7.25, many others).",
      "Ask the address owner to set a PTR to myhostname, with an A/AAAA record back (mailcheck"
          + " ptr ADDRESS)."),
  BLOCKLISTED(
      "sender on a blocklist",
      "The sending address or domain is on a DNS blocklist the receiver uses (Spamhaus, Microsoft's"
          + " S3150 list, ...).",
      "Find the listing (the reply usually names it), fix the cause (compromised account, open"
          + " relay) and request delisting."),
  POLICY(
      "refused by the receiver's policy",
      "The receiver refused the message for policy or reputation reasons (spam verdict, big"
          + " provider's sender rules, 5.7.1).",
      "Read the reply text and the provider's postmaster page (Gmail, Microsoft SNDS, Yahoo);"
          + " check authentication with mailcheck domain and your IP's reputation."),
  RELAY_DENIED(
      "relay access denied",
      "The next hop refused to relay: this host is not authenticated or not in its mynetworks.",
      "Configure SASL authentication to the relayhost (smtp_sasl_auth_enable,"
          + " smtp_sasl_password_maps) or ask its operator to allow this host."),
  LOOP(
      "mail loops back to this host",
      "The MX of the recipient domain points back at this server, which does not consider itself"
          + " the final destination.",
      "Add the domain to mydestination, virtual_mailbox_domains or relay_domains, or fix its MX."),
  LOCAL_CONFIG(
      "local delivery or configuration problem",
      "A problem on this host: a missing transport, an unavailable lookup table, a delivery command"
          + " that failed, a full disk.",
      "Look at the warnings and fatal lines of the same time in the log (postfix check; postconf"
          + " -n)."),
  OTHER("other", "The reason does not match a known pattern.", "Read the full reply text.");

  private final String label;
  private final String explanation;
  private final String remedy;

  DeliveryProblem(String label, String explanation, String remedy) {
    this.label = label;
    this.explanation = explanation;
    this.remedy = remedy;
  }

  /** A few words, e.g. {@code connection refused}. */
  public String label() {
    return label;
  }

  /** What it means, in a sentence or two. */
  public String explanation() {
    return explanation;
  }

  /** What to do about it. */
  public String remedy() {
    return remedy;
  }

  /** The stable token used in JSON, e.g. {@code connection-refused}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
