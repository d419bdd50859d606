package dev.mailcheck.smtp;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table that explains a failed delivery, for every command that meets one: the replies of
 * {@code mailcheck smtp} and {@code mailcheck send}, the recipients of a bounce in {@code mailcheck
 * message} (RFC 3464), and the deferred and bounced lines of {@code mailcheck postfix log}. Reply
 * code + enhanced status code (RFC 3463, the RFC 5248 registry) + the server's text in; the kind of
 * problem ({@link DeliveryProblem}), its meaning, the usual cause, the fix and the retry the server
 * asked for out.
 *
 * <pre>{@code
 * ReplyExplanations.explain(550, Optional.of("5.1.1"), "User unknown")
 *   -> kind MAILBOX_UNKNOWN, meaning "the mailbox does not exist", cause "...typo...", fix "..."
 * ReplyExplanations.classify("connect to mx.example[192.0.2.9]:25: Connection timed out")
 *   -> TIMEOUT
 * }</pre>
 *
 * Rules are tried in order, the first match wins: what a local MTA writes before any reply
 * (Postfix's own wording), then the provider texts (Gmail's 5.7.26/5.7.27/4.7.28/4.7.0/5.7.1,
 * Microsoft's 5.7.515/5.7.509/5.7.708/S3150, Yahoo's TSS codes, blocklists), because their enhanced
 * codes are shared with other meanings, then the enhanced codes, then common wording, then the
 * reply class. Codes without a rule get their meaning from the RFC 3463 table in {@link
 * ReplyCodes}. Keep new rules here, most specific first.
 */
public final class ReplyExplanations {
  private ReplyExplanations() {}

  /**
   * @param kind the kind of problem, for counting and for the Postfix-side remedy
   * @param meaning what the reply says, in words
   * @param cause the usual reasons a server gives it
   * @param fix what the sender (or the recipient's administrator) can do
   * @param retryAfter the wait the server asked for in its text ("try again in 5 minutes")
   */
  public record Explanation(
      DeliveryProblem kind,
      String meaning,
      String cause,
      String fix,
      Optional<Duration> retryAfter) {
    public Explanation {
      retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** Cause and fix as one remedy sentence, with the retry the server asked for. */
    /** The cause and the fix as whole sentences, with the retry time the server asked for. */
    public String remedy() {
      String r = sentence(fix);
      if (retryAfter.isPresent())
        r += " The server asked to retry after " + words(retryAfter.get()) + ".";
      return cause.isEmpty() ? r : sentence(cause) + " " + r;
    }
  }

  private record Rule(
      DeliveryProblem kind,
      int codeClass,
      List<String> enhanced,
      Pattern text,
      String meaning,
      String cause,
      String fix) {
    boolean matches(int code, String enh, String t) {
      if (codeClass != 0) {
        int cls = code > 0 ? code / 100 : enh.isEmpty() ? 0 : enh.charAt(0) - '0';
        if (cls != codeClass && (enh.isEmpty() || enh.charAt(0) - '0' != codeClass)) return false;
      }
      if (!enhanced.isEmpty()
          && enhanced.stream()
              .noneMatch(e -> enh.equals(e) || (e.endsWith(".") && enh.startsWith(e))))
        return false;
      return text == null || text.matcher(t).find();
    }
  }

  private static Rule rule(
      DeliveryProblem kind,
      int cls,
      String enhanced,
      String regex,
      String meaning,
      String cause,
      String fix) {
    return new Rule(
        kind,
        cls,
        enhanced.isEmpty() ? List.of() : List.of(enhanced.split(",")),
        regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
        meaning,
        cause,
        fix);
  }

  /** A rule whose words are the kind's own (label, explanation, remedy). */
  private static Rule kind(DeliveryProblem kind, int cls, String enhanced, String regex) {
    return rule(kind, cls, enhanced, regex, null, null, null);
  }

  private static final List<Rule> RULES =
      List.of(
          // What the local MTA says before (or instead of) any reply.
          kind(DeliveryProblem.LOOP, 0, "", "loops back to myself"),
          rule(
              DeliveryProblem.CONNECTION_REFUSED,
              0,
              "",
              "connection refused",
              "connection refused",
              "nothing listens on that port: the service is not running, or the host or port is wrong",
              "check the host and port (submission is 587 with STARTTLS or 465 with TLS; MX-to-MX is 25) and that the service runs"),
          rule(
              DeliveryProblem.TIMEOUT,
              0,
              "",
              "timed out|timeout",
              "connection or conversation timed out",
              "a firewall drops the packets, the ISP or cloud provider blocks outbound port 25, or the server is overloaded",
              "try the submission port 587 (or 465) of your provider instead of 25; check outbound firewall rules"),
          kind(
              DeliveryProblem.NETWORK,
              0,
              "",
              "network is unreachable|no route to host|lost connection|connection reset"),
          kind(
              DeliveryProblem.DNS,
              0,
              "",
              "host or domain name not found|name service error|domain not found"),
          rule(
              DeliveryProblem.TLS,
              0,
              "",
              "must issue a starttls|starttls (is )?required|tls is required|encryption required",
              "TLS is required first",
              "the server accepts this command only on an encrypted connection",
              "use STARTTLS (port 587) or implicit TLS (port 465) before AUTH and MAIL"),
          kind(
              DeliveryProblem.TLS,
              0,
              "",
              "cannot start tls|tls handshake|starttls|certificate verification failed|server certificate not|tls_"),
          // Provider texts: more specific than the codes they share.
          rule(
              DeliveryProblem.AUTHENTICATION,
              5,
              "",
              "5\\.7\\.26|unauthenticated email.*DMARC|DMARC policy",
              "rejected by the sender domain's DMARC policy",
              "the message passed neither SPF nor DKIM aligned with the From domain, and its DMARC policy is p=reject (Gmail 5.7.26, Yahoo, Microsoft)",
              "sign with DKIM using d= the From domain (or its organizational domain), make the sending IP pass SPF for an aligned MAIL FROM; check with 'mailcheck message' on a copy"),
          rule(
              DeliveryProblem.AUTHENTICATION,
              5,
              "",
              "5\\.7\\.515|does not meet the required authentication level",
              "Microsoft: the sender does not meet its authentication requirements",
              "Outlook.com requires SPF pass, DKIM pass and DMARC (at least p=none, aligned) from high-volume senders since May 2025",
              "publish SPF and DKIM for the sending domain and a DMARC record; make the From domain align"),
          rule(
              DeliveryProblem.AUTHENTICATION,
              5,
              "",
              "5\\.7\\.509|does not pass DMARC",
              "Microsoft: rejected by the sender domain's DMARC policy",
              "the message failed DMARC and the From domain publishes p=reject",
              "sign with DKIM aligned with the From domain and make SPF pass for an aligned MAIL FROM"),
          rule(
              DeliveryProblem.AUTHENTICATION,
              0,
              "",
              "5\\.7\\.27|4\\.7\\.27|(does not|doesn't) meet.*authentication|SPF.*DKIM.*authentication requirements",
              "the message is not authenticated enough for the receiver",
              "Gmail requires SPF or DKIM (bulk senders: both) on every message; this one passed neither",
              "publish SPF for the sending IP and sign with DKIM; bulk senders also need DMARC"),
          rule(
              DeliveryProblem.CREDENTIALS,
              5,
              "",
              "5\\.7\\.139|SmtpClientAuthentication is disabled|SMTP ?AUTH (is )?disabled",
              "Microsoft 365: SMTP AUTH is disabled for this mailbox or tenant",
              "Microsoft 365 tenants have authenticated SMTP submission switched off by default (Security defaults, or the mailbox's SMTP AUTH setting)",
              "enable Authenticated SMTP for the mailbox (Exchange admin center, or Set-CASMailbox -SmtpClientAuthenticationDisabled $false), or send with OAuth2 (XOAUTH2) or the Graph API"),
          rule(
              DeliveryProblem.BLOCKLISTED,
              5,
              "",
              "5\\.7\\.708|traffic not accepted from this IP",
              "Microsoft: traffic not accepted from this IP",
              "Microsoft 365 refuses the sending IP for its low reputation (new tenants and shared IPs hit this first)",
              "send through a relay with established reputation, or ask Microsoft support to delist the IP; warm up new tenants slowly"),
          rule(
              DeliveryProblem.BLOCKLISTED,
              0,
              "",
              "\\bS3150\\b|\\bS3140\\b|5\\.7\\.6[0-4]\\d|banned sending IP|part of their network is on our block list",
              "Microsoft: the sending IP is on Microsoft's block list",
              "Outlook.com/Hotmail list the IP (S3150/S3140: part of its network is listed) for spam or low reputation",
              "request delisting at https://sender.office.com, and look at complaints with Microsoft SNDS and JMRP"),
          rule(
              DeliveryProblem.REVERSE_DNS,
              0,
              "",
              "5\\.7\\.25|4\\.7\\.25|reverse dns|\\brdns\\b|ptr record|cannot find your (hostname|reverse)|reverse hostname",
              "rejected: no valid reverse DNS",
              "the sending IP has no PTR record, or its name does not resolve back to it (Gmail 5.7.25)",
              "ask the IP's owner to set a PTR to a name that resolves back ('mailcheck ptr IP')"),
          rule(
              DeliveryProblem.RATE_LIMITED,
              4,
              "",
              "4\\.7\\.28|unusual rate|rate.?limit|too many (messages|connections|recipients|errors)|throttl|\\bTSS?\\d\\d\\b|unexpected volume|4\\.7\\.[56]\\d\\d|server busy|exceeded.*(limit|rate)",
              "rate limited",
              "the receiver saw an unusual volume from this IP or domain, or the reputation is low (Gmail 4.7.28, Microsoft 4.7.500-699, Yahoo TSS codes)",
              "slow down and retry later; warm up new IPs gradually; check complaint rates (Postmaster Tools, SNDS)"),
          rule(
              DeliveryProblem.POLICY,
              4,
              "",
              "very low reputation|suspicious due to",
              "deferred: the sending IP's reputation is low (Gmail 4.7.0)",
              "Gmail defers mail from IPs with little or bad sending history",
              "authenticate with SPF, DKIM and DMARC, slow down, and watch the IP in Gmail Postmaster Tools"),
          rule(
              DeliveryProblem.BLOCKLISTED,
              0,
              "",
              "spamhaus|barracuda|spamcop|block ?list|blacklist|\\bRBL\\b|DNSBL|listed (at|on|in|by) |blocked using",
              "the sending IP is on a blocklist",
              "the receiver checks a DNS blocklist (the text names it) that lists the sending address",
              "look the IP up at the named list, fix the cause (compromised account, open relay, bad list hygiene), request delisting"),
          rule(
              DeliveryProblem.GREYLISTED,
              4,
              "",
              "greylist|grey-list|graylist|try again later|temporarily (deferred|rejected)|please retry",
              "greylisted (temporary)",
              "the receiver defers first attempts from unknown senders",
              "nothing: a standards-conforming MTA retries and the retry is accepted; make sure retries come from the same IP"),
          rule(
              DeliveryProblem.POLICY,
              5,
              "",
              "not authorized to send email directly|use the SMTP relay at your service provider|dynamic|dialup|residential",
              "refused: the sending IP looks like an end-user (dynamic) address",
              "receivers refuse direct-to-MX mail from consumer and dynamic address ranges",
              "send through your provider's submission server (port 587 with AUTH) instead of directly to the MX"),
          rule(
              DeliveryProblem.POLICY,
              5,
              "",
              "likely unsolicited|unsolicited mail|spam|policy that prohibited",
              "refused as spam or by the recipient's policy",
              "the receiver's content or reputation filter classified the message as spam, or the recipient domain allows only some senders (Gmail 5.7.1)",
              "check authentication ('mailcheck message' on a copy), content and the IP's reputation; reduce complaint rates"),
          rule(
              DeliveryProblem.RELAY_DENIED,
              0,
              "",
              "relay(ing)? (access )?denied|not permitted to relay|unable to relay|relay not permitted|relaying (is )?not allowed",
              "relay access denied",
              "the server is not responsible for the recipient's domain and the sender did not authenticate or is not in its trusted networks (Postfix mynetworks), or the MX records point at the wrong server",
              "authenticate (AUTH on the submission port 587 after STARTTLS), send from an address in the server's trusted networks, or fix the recipient domain's MX"),
          // Enhanced status codes (RFC 3463 §3; RFC 5248 registry).
          rule(
              DeliveryProblem.MAILBOX_UNKNOWN,
              0,
              "",
              "RecipientNotFound|recipient not found",
              "the mailbox does not exist",
              "Microsoft 365/Exchange found no mailbox for the address (RESOLVER.ADR.RecipientNotFound)",
              "check the address; remove it from lists (repeated sends to unknown users hurt reputation)"),
          rule(
              DeliveryProblem.MAILBOX_UNKNOWN,
              5,
              "5.1.1,5.1.0",
              null,
              "the mailbox does not exist",
              "a typo in the address, a deleted account, or an old list entry",
              "check the address; remove it from lists (repeated sends to unknown users hurt reputation)"),
          rule(
              DeliveryProblem.MAILBOX_UNKNOWN,
              4,
              "4.1.1",
              null,
              "the mailbox is unknown (temporary)",
              "the server could not look up the mailbox just now",
              "the MTA retries; if it persists, check the address"),
          rule(
              DeliveryProblem.DNS,
              5,
              "5.1.10",
              null,
              "the recipient domain accepts no mail (null MX, RFC 7505)",
              "the domain publishes MX 0 '.'",
              "the address cannot receive mail; remove it"),
          rule(
              DeliveryProblem.DNS,
              0,
              "",
              "null mx|nullmx|does not accept mail",
              "the recipient domain accepts no mail (null MX, RFC 7505)",
              "the domain publishes MX 0 '.', or the server says the domain takes no mail",
              "the address cannot receive mail; remove it"),
          rule(
              DeliveryProblem.DNS,
              5,
              "5.1.2",
              null,
              "the recipient domain does not exist or has no mail server",
              "a typo in the domain, or an expired domain",
              "check the domain part of the address ('mailcheck mx DOMAIN')"),
          rule(
              DeliveryProblem.OTHER,
              5,
              "5.1.3",
              null,
              "the recipient address is not valid syntax",
              "the address has characters or a form the server does not accept",
              "check the address"),
          rule(
              DeliveryProblem.MAILBOX_UNKNOWN,
              5,
              "5.1.6",
              null,
              "the mailbox has moved",
              "the recipient changed address and left no forwarding",
              "ask the recipient for the new address"),
          rule(
              DeliveryProblem.POLICY,
              0,
              "5.1.7,5.1.8,4.1.7,4.1.8",
              null,
              "the sender address was refused",
              "the MAIL FROM address is malformed, its domain does not resolve, or the server does not let this client use it (Postfix reject_unknown_sender_domain, reject_sender_login_mismatch)",
              "use a sender address in a domain that resolves and that the authenticated user owns"),
          rule(
              DeliveryProblem.MAILBOX_FULL,
              5,
              "5.2.2",
              null,
              "the mailbox is full",
              "the recipient has not cleaned up the mailbox, or it is abandoned",
              "retry later or reach the recipient another way; remove it if it persists"),
          rule(
              DeliveryProblem.MAILBOX_FULL,
              4,
              "4.2.2",
              null,
              "the mailbox is full (temporary)",
              "the recipient is over quota",
              "the MTA retries; nothing to do on the sending side"),
          rule(
              DeliveryProblem.MAILBOX_UNKNOWN,
              5,
              "5.2.1",
              null,
              "the mailbox is disabled",
              "the account is suspended or closed",
              "remove the address"),
          rule(
              DeliveryProblem.MESSAGE_TOO_BIG,
              0,
              "5.3.4,4.3.4,5.2.3,4.2.3",
              null,
              "the message is too big",
              "the message exceeds the receiver's size limit (SIZE in its EHLO)",
              "send large files as links; check 'mailcheck smtp' for the advertised SIZE"),
          rule(
              DeliveryProblem.AUTHENTICATION,
              0,
              "5.7.20,5.7.21,5.7.22,5.7.23,5.7.24,4.7.20,4.7.23,4.7.24,4.7.26",
              null,
              "rejected because of SPF or DKIM",
              "the message failed SPF or carried no passing DKIM signature (RFC 7372)",
              "add the sending service to SPF and sign with DKIM for the From domain"),
          rule(
              DeliveryProblem.CREDENTIALS,
              0,
              "5.7.8,4.7.8",
              null,
              "authentication failed: wrong credentials",
              "a wrong user name or password, an app password needed because of 2FA (Gmail, iCloud, Yahoo), or AUTH not enabled for this account",
              "check the user name (often the full address) and password; create an app password when 2FA is on; authenticate only after STARTTLS"),
          rule(
              DeliveryProblem.CREDENTIALS,
              0,
              "",
              "^535|authentication (failed|unsuccessful|credentials invalid)|bad username or password|username and password not accepted",
              "authentication failed",
              "a wrong user name or password, an app password needed because of 2FA, or AUTH not enabled for this account",
              "check the credentials; create an app password when 2FA is on; authenticate only after STARTTLS"),
          rule(
              DeliveryProblem.CREDENTIALS,
              0,
              "5.7.0,5.7.9,5.7.11,5.7.12,5.7.13,5.7.14,5.7.3",
              "authenticat|auth |AUTH$|password|mechanism|account",
              "authentication required or refused",
              "the server wants AUTH before this command, does not accept the mechanism, or the account is disabled",
              "authenticate after STARTTLS with a mechanism the server offers (EHLO AUTH line); check that the account may send"),
          rule(
              DeliveryProblem.CREDENTIALS,
              5,
              "",
              "^530|authentication required|must authenticate|auth(entication)? first",
              "authentication required",
              "the server relays only for authenticated clients",
              "authenticate (AUTH) after STARTTLS before MAIL FROM"),
          rule(
              DeliveryProblem.OTHER,
              0,
              "5.6.7,5.6.8,5.6.9,5.6.11,5.5.6",
              null,
              "an internationalized address needs SMTPUTF8",
              "the address or header has non-ASCII characters and the server does not offer SMTPUTF8 (RFC 6531)",
              "use the ASCII (punycode) form of the domain, or an ASCII address for the recipient"),
          rule(
              DeliveryProblem.OTHER,
              0,
              "5.6.",
              null,
              "the server cannot handle the message's content encoding",
              "8-bit content to a server without 8BITMIME, or a MIME structure it refuses (RFC 6152)",
              "send 7-bit content (quoted-printable or base64)"),
          rule(
              DeliveryProblem.OTHER,
              0,
              "5.5.",
              null,
              "the server refused the command's syntax or sequence",
              "a protocol error: a command out of order, a parameter the server does not support, or a line too long",
              "run with -v and compare the transcript with RFC 5321; report it to the sending software's authors"),
          rule(
              DeliveryProblem.LOOP,
              0,
              "5.4.6,4.4.6",
              null,
              "a routing loop was detected",
              "the message went around between servers (MX or forwarding pointing back)",
              "check the recipient domain's MX and the forwarding rules on both sides"),
          rule(
              DeliveryProblem.NETWORK,
              4,
              "4.4.",
              null,
              "the receiving server could not be reached (temporary)",
              "no answer, a broken connection or a routing problem on the way",
              "the MTA retries; if it persists, check the recipient domain's MX ('mailcheck mx DOMAIN')"),
          rule(
              DeliveryProblem.DNS,
              5,
              "5.4.4,5.4.3",
              null,
              "unable to route",
              "the recipient domain has no MX or address",
              "check the recipient domain ('mailcheck mx DOMAIN')"),
          rule(
              DeliveryProblem.OTHER,
              0,
              "4.3.1,5.3.1,4.3.2,5.3.2",
              null,
              "the receiving system is full or not accepting mail",
              "the server is out of disk space, or shut off for maintenance",
              "wait and retry; the MTA does it on its own for 4xx"),
          // Common wording without a specific code.
          rule(
              DeliveryProblem.AUTHENTICATION,
              0,
              "",
              "\\bspf\\b|sender policy framework",
              "rejected because of SPF",
              "the sending IP is not allowed by the MAIL FROM domain's SPF record (often a forwarder or a new sending service)",
              "add the sending service to SPF (include:), or rewrite the envelope sender when forwarding (SRS)"),
          rule(
              DeliveryProblem.AUTHENTICATION,
              0,
              "",
              "dkim|dmarc|unauthenticated",
              "rejected because of DKIM or DMARC",
              "the DKIM signature failed or is missing (changed in transit, wrong key published)",
              "check the key record and that nothing modifies the message after signing ('mailcheck dkim verify')"),
          rule(
              DeliveryProblem.MAILBOX_FULL,
              0,
              "",
              "mailbox (is )?full|quota|insufficient storage|over ?quota",
              "the mailbox is full",
              "the recipient is over quota",
              "retry later or reach the recipient another way"),
          rule(
              DeliveryProblem.MESSAGE_TOO_BIG,
              0,
              "",
              "too large|too big|size exceeds|message size|exceeds.*size",
              "the message is too big",
              "the message exceeds the receiver's size limit (SIZE in its EHLO)",
              "send large files as links; check 'mailcheck smtp' for the advertised SIZE"),
          rule(
              DeliveryProblem.MAILBOX_UNKNOWN,
              0,
              "",
              "user unknown|unknown user|no such user|mailbox unavailable|does not exist|invalid recipient|mailbox not found|unknown recipient",
              "the mailbox does not exist",
              "a typo in the address, a deleted account, or an old list entry",
              "check the address; remove it from lists"),
          rule(
              DeliveryProblem.POLICY,
              5,
              "5.7.1",
              null,
              "refused by policy",
              "relay access denied, content or reputation filtering, or the recipient only accepts mail from some senders",
              "read the server's text for the reason; if it is relaying, authenticate; if content, check spam signals"),
          rule(
              DeliveryProblem.POLICY,
              5,
              "5.7.",
              null,
              "refused for a security or policy reason",
              "authentication (SPF, DKIM, DMARC), encryption or reputation requirements",
              "read the server's text; check the message with 'mailcheck message'"),
          rule(
              DeliveryProblem.POLICY,
              4,
              "4.7.",
              null,
              "deferred for a security or policy reason (temporary)",
              "reputation, rate or authentication checks",
              "retry later; fix authentication and reputation if it persists"),
          kind(
              DeliveryProblem.POLICY,
              0,
              "",
              "rejected|refused|blocked|denied|not allowed|not accepted|prohibit|policy"),
          kind(
              DeliveryProblem.LOCAL_CONFIG,
              0,
              "",
              "mail transport unavailable|unknown mail transport|table lookup|temporary lookup failure|command died|cannot update mailbox|no space left|permission denied"),
          rule(
              DeliveryProblem.OTHER,
              4,
              "",
              null,
              "temporary failure",
              "the receiver is busy, greylisting or rate limiting",
              "nothing at first: the MTA retries; if it lasts days, read the text"),
          rule(
              DeliveryProblem.OTHER,
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
    Optional<Duration> retry = retryAfter(t);
    for (Rule r : RULES) {
      if (!r.matches(code, enh, t)) continue;
      DeliveryProblem k = r.kind();
      return new Explanation(
          k,
          r.meaning() == null ? k.label() : r.meaning(),
          r.cause() == null ? k.explanation() : r.cause(),
          r.fix() == null ? k.remedy() : r.fix(),
          retry);
    }
    String meaning =
        enhanced.flatMap(ReplyCodes::describeEnhanced).orElse(ReplyCodes.describe(code));
    return new Explanation(DeliveryProblem.OTHER, meaning, "", "", retry);
  }

  /** Explains a reply the probe read. */
  public static Explanation explain(Reply reply) {
    return explain(reply.code(), reply.enhancedCode(), reply.code() + " " + reply.text());
  }

  /**
   * The kind of problem a free text describes: an SMTP reply with its code, or the reason Postfix
   * logs after {@code status=deferred}/{@code status=bounced} ("host x said: 550 5.1.1 ...",
   * "connect to x: Connection timed out"). {@link DeliveryProblem#OTHER} when unknown.
   */
  public static DeliveryProblem classify(String text) {
    String t = text == null ? "" : text;
    Matcher m = CODE.matcher(t);
    int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return explain(code, enhancedCodeIn(t), t).kind();
  }

  /** The enhanced status code in a reply text ({@code 5.1.1 <x>: ...}), if any. */
  public static Optional<String> enhancedCodeIn(String text) {
    var m = ENHANCED.matcher(text == null ? "" : text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The wait a server asks for in its text: "try again in 5 minutes", "retry after 300 seconds",
   * "please try again in 60s".
   */
  static Optional<Duration> retryAfter(String text) {
    Matcher m = RETRY.matcher(text);
    if (!m.find()) return Optional.empty();
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    Duration d =
        unit.startsWith("h")
            ? Duration.ofHours(n)
            : unit.startsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    return Optional.of(d);
  }

  private static String words(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0 && s > 0) return s / 3600 + " hour(s)";
    if (s % 60 == 0 && s > 0) return s / 60 + " minute(s)";
    return s + " second(s)";
  }

  /** Capitalized and ending in a full stop (the table's texts are lower-case clauses). */
  private static String sentence(String s) {
    String c = cap(s.strip());
    return c.isEmpty() || c.endsWith(".") || c.endsWith("?") || c.endsWith("!") ? c : c + ".";
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static final Pattern ENHANCED =
      Pattern.compile("(?<![0-9.])([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?![0-9.])");

  /** The reply code at the start of the text or after Postfix's "said: ". */
  private static final Pattern CODE = Pattern.compile("(?:^|said: )([2-5][0-9]{2})(?:[ -]|$)");

  private static final Pattern RETRY =
      Pattern.compile(
          "(?:try again|retry|come back)\\s+(?:in|after)\\s+(\\d{1,6})\\s*(seconds?|secs?|s\\b|minutes?|mins?|m\\b|hours?|h\\b)",
          Pattern.CASE_INSENSITIVE);
}
