package dev.mailcheck.smtp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one table that explains a failed delivery: reply code + enhanced status code (RFC 3463) + the
 * server's text in, the meaning, the usual cause and the fix out. {@code mailcheck message}
 * explains the recipients of a bounce (RFC 3464) with it, {@code mailcheck smtp} the replies of a
 * session; keep new rules here, most specific first.
 *
 * <pre>{@code
 * ReplyExplanations.explain(550, Optional.of("5.1.1"), "User unknown")
 *   -> meaning "the mailbox does not exist", cause "...typo...", fix "..."
 * }</pre>
 *
 * Provider-specific texts (Gmail's 5.7.26/5.7.27/4.7.28, Microsoft's 5.7.515, Yahoo's TSS codes,
 * Spamhaus listings) are matched on the text, because their enhanced codes are shared with other
 * meanings.
 */
public final class ReplyExplanations {
  private ReplyExplanations() {}

  /**
   * @param meaning what the code says, in words
   * @param cause the usual reasons a server gives it
   * @param fix what the sender (or the recipient's administrator) can do
   */
  public record Explanation(String meaning, String cause, String fix) {}

  private record Rule(
      int codeClass, String enhanced, Pattern text, String meaning, String cause, String fix) {
    boolean matches(int code, String enh, String t) {
      if (codeClass != 0
          && code / 100 != codeClass
          && (enh.isEmpty() || enh.charAt(0) - '0' != codeClass)) return false;
      if (!enhanced.isEmpty()
          && !enh.equals(enhanced)
          && !(enhanced.endsWith(".") && enh.startsWith(enhanced))) return false;
      return text == null || text.matcher(t).find();
    }
  }

  private static Rule rule(
      int cls, String enhanced, String regex, String meaning, String cause, String fix) {
    return new Rule(
        cls,
        enhanced,
        regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
        meaning,
        cause,
        fix);
  }

  private static final List<Rule> RULES =
      List.of(
          // Provider texts first: they are more specific than their shared codes.
          rule(
              5,
              "",
              "5\\.7\\.26|unauthenticated email.*DMARC|DMARC policy",
              "rejected by the sender domain's DMARC policy",
              "the message passed neither SPF nor DKIM aligned with the From domain, and its DMARC policy is p=reject (Gmail 5.7.26, Yahoo, Microsoft)",
              "sign with DKIM using d= the From domain (or its organizational domain), make the sending IP pass SPF for an aligned MAIL FROM; check with 'mailcheck message' on a copy"),
          rule(
              5,
              "",
              "5\\.7\\.515|does not meet the required authentication level",
              "Microsoft: the sender does not meet its authentication requirements",
              "Outlook.com requires SPF pass, DKIM pass and DMARC (at least p=none, aligned) from high-volume senders since May 2025",
              "publish SPF and DKIM for the sending domain and a DMARC record; make the From domain align"),
          rule(
              0,
              "",
              "5\\.7\\.27|4\\.7\\.27|(does not|doesn't) meet.*authentication|SPF.*DKIM.*authentication requirements",
              "the message is not authenticated enough for the receiver",
              "Gmail requires SPF or DKIM (bulk senders: both) on every message; this one passed neither",
              "publish SPF for the sending IP and sign with DKIM; bulk senders also need DMARC"),
          rule(
              4,
              "",
              "4\\.7\\.28|unusual rate|rate.?limit|too many (messages|connections)|throttl",
              "rate limited",
              "the receiver saw an unusual volume from this IP or domain, or the reputation is low (Gmail 4.7.28, Microsoft 4.7.500-699, Yahoo TS codes)",
              "slow down and retry later; warm up new IPs gradually; check complaint rates (Postmaster Tools, SNDS)"),
          rule(
              0,
              "",
              "spamhaus|barracuda|spamcop|block ?list|blacklist|\\bRBL\\b|DNSBL|listed (at|on|in|by) ",
              "the sending IP is on a blocklist",
              "the receiver checks a DNS blocklist (the text names it) that lists the sending address",
              "look the IP up at the named list, fix the cause (compromised account, open relay, bad list hygiene), request delisting"),
          rule(
              4,
              "",
              "greylist|grey-list|graylist|try again later|temporarily (deferred|rejected)",
              "greylisted (temporary)",
              "the receiver defers first attempts from unknown senders",
              "nothing: a standards-conforming MTA retries and the retry is accepted; make sure retries come from the same IP"),
          rule(
              5,
              "5.1.1",
              null,
              "the mailbox does not exist",
              "a typo in the address, a deleted account, or an old list entry",
              "check the address; remove it from lists (repeated sends to unknown users hurt reputation)"),
          rule(
              5,
              "5.1.10",
              null,
              "the recipient domain accepts no mail (null MX, RFC 7505)",
              "the domain publishes MX 0 '.'",
              "the address cannot receive mail; remove it"),
          rule(
              5,
              "5.1.2",
              null,
              "the recipient domain does not exist or has no mail server",
              "a typo in the domain, or an expired domain",
              "check the domain part of the address ('mailcheck mx DOMAIN')"),
          rule(
              0,
              "",
              "relay(ing)? (access )?denied|not permitted to relay|unable to relay|relay not permitted",
              "relay access denied",
              "the server is not responsible for the recipient's domain and the sender did not authenticate (or the MX records point at the wrong server)",
              "send through your own submission server with authentication (port 587), or fix the recipient domain's MX"),
          rule(
              0,
              "",
              "spf|sender policy framework",
              "rejected because of SPF",
              "the sending IP is not allowed by the MAIL FROM domain's SPF record (often a forwarder or a new sending service)",
              "add the sending service to SPF (include:), or rewrite the envelope sender when forwarding (SRS)"),
          rule(
              0,
              "",
              "dkim",
              "rejected because of DKIM",
              "the DKIM signature failed or is missing (changed in transit, wrong key published)",
              "check the key record and that nothing modifies the message after signing ('mailcheck dkim verify')"),
          rule(
              0,
              "",
              "reverse dns|rdns|ptr record|PTR|client host .* rejected: cannot find your (hostname|reverse)",
              "rejected: no valid reverse DNS",
              "the sending IP has no PTR record, or its name does not resolve back to it",
              "ask the IP's owner to set a PTR to a name that resolves back ('mailcheck ptr IP')"),
          rule(
              5,
              "5.2.2",
              null,
              "the mailbox is full",
              "the recipient has not cleaned up the mailbox, or it is abandoned",
              "retry later or reach the recipient another way; remove it if it persists"),
          rule(
              4,
              "4.2.2",
              null,
              "the mailbox is full (temporary)",
              "the recipient is over quota",
              "the MTA retries; nothing to do on the sending side"),
          rule(
              0,
              "",
              "mailbox (is )?full|quota|insufficient storage|over ?quota",
              "the mailbox is full",
              "the recipient is over quota",
              "retry later or reach the recipient another way"),
          rule(
              5,
              "5.2.1",
              null,
              "the mailbox is disabled",
              "the account is suspended or closed",
              "remove the address"),
          rule(
              0,
              "5.3.4",
              null,
              "the message is too big",
              "the message exceeds the receiver's size limit (SIZE in its EHLO)",
              "send large files as links; check 'mailcheck smtp' for the advertised SIZE"),
          rule(
              5,
              "5.2.3",
              null,
              "the message is too big",
              "the message exceeds the receiver's size limit",
              "send large files as links"),
          rule(
              5,
              "5.7.1",
              null,
              "refused by policy",
              "relay access denied, content or reputation filtering, or the recipient only accepts mail from some senders",
              "read the server's text for the reason; if it is relaying, authenticate; if content, check spam signals"),
          rule(
              5,
              "5.7.",
              null,
              "refused for a security or policy reason",
              "authentication (SPF, DKIM, DMARC), encryption or reputation requirements",
              "read the server's text; check the message with 'mailcheck message'"),
          rule(
              4,
              "4.4.",
              null,
              "the receiving server could not be reached (temporary)",
              "no answer, a broken connection or a routing problem on the way",
              "the MTA retries; if it persists, check the recipient domain's MX ('mailcheck mx DOMAIN')"),
          rule(
              5,
              "5.4.4",
              null,
              "unable to route",
              "the recipient domain has no MX or address",
              "check the recipient domain ('mailcheck mx DOMAIN')"),
          rule(
              4,
              "4.7.",
              null,
              "deferred for a security or policy reason (temporary)",
              "reputation, rate or authentication checks",
              "retry later; fix authentication and reputation if it persists"),
          rule(
              4,
              "",
              null,
              "temporary failure",
              "the receiver is busy, greylisting or rate limiting",
              "nothing at first: the MTA retries; if it lasts days, read the text"),
          rule(
              5,
              "",
              null,
              "permanent failure",
              "see the server's text",
              "read the server's text; the message will not be retried"));

  /**
   * Explains a failure. {@code enhanced} is an RFC 3463 code such as {@code 5.1.1} (empty when the
   * server gave none); {@code text} the server's diagnostic, searched for provider wording.
   */
  public static Explanation explain(int code, Optional<String> enhanced, String text) {
    String enh = enhanced.orElse("");
    String t = text == null ? "" : text;
    String meaning =
        enhanced.flatMap(ReplyCodes::describeEnhanced).orElse(ReplyCodes.describe(code));
    for (Rule r : RULES)
      if (r.matches(code, enh, t)) return new Explanation(r.meaning(), r.cause(), r.fix());
    return new Explanation(meaning, "", "");
  }

  /** The enhanced status code at the start of a reply text ({@code 5.1.1 <x>: ...}), if any. */
  public static Optional<String> enhancedCodeIn(String text) {
    var m = ENHANCED.matcher(text == null ? "" : text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static final Pattern ENHANCED =
      Pattern.compile("(?<![0-9.])([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?![0-9.])");
}
