package dev.mailcheck.smtp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the text of a failed delivery (an SMTP reply, or the reason Postfix logs after {@code
 * status=deferred}/{@code status=bounced}) into a {@link DeliveryProblem}. The enhanced status code
 * (RFC 3463) decides where it is specific (5.1.1, 4.2.2, 5.3.4, 5.7.26); otherwise the wording the
 * big providers and Postfix itself use.
 */
public final class DeliveryProblems {
  private DeliveryProblems() {}

  private static final Pattern ENHANCED =
      Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

  /** The kind of problem {@code text} describes; {@link DeliveryProblem#OTHER} when unknown. */
  public static DeliveryProblem classify(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    // Postfix's own wording for what happened before any reply.
    if (t.contains("loops back to myself")) return DeliveryProblem.LOOP;
    if (t.contains("connection refused")) return DeliveryProblem.CONNECTION_REFUSED;
    if (t.contains("timed out") || t.contains("timeout")) return DeliveryProblem.TIMEOUT;
    if (t.contains("network is unreachable")
        || t.contains("no route to host")
        || t.contains("lost connection")
        || t.contains("connection reset")) return DeliveryProblem.NETWORK;
    if (t.contains("host or domain name not found")
        || t.contains("name service error")
        || t.contains("domain not found")
        || t.contains("null mx")
        || t.contains("does not accept mail (nullmx)")) return DeliveryProblem.DNS;
    if (t.contains("tls is required")
        || t.contains("cannot start tls")
        || t.contains("tls handshake")
        || t.contains("starttls")
        || t.contains("certificate verification failed")
        || t.contains("server certificate not")
        || t.contains("tls_")) return DeliveryProblem.TLS;
    if (t.contains("relay access denied") || t.contains("relaying denied"))
      return DeliveryProblem.RELAY_DENIED;
    if (t.contains("greylist") || t.contains("graylist") || t.contains("greylisted"))
      return DeliveryProblem.GREYLISTED;
    String enhanced = enhanced(t);
    switch (enhanced) {
      case "5.1.1", "5.1.0", "4.1.1", "5.1.10" -> {
        return enhanced.equals("5.1.10") ? DeliveryProblem.DNS : DeliveryProblem.MAILBOX_UNKNOWN;
      }
      case "4.2.2", "5.2.2" -> {
        return DeliveryProblem.MAILBOX_FULL;
      }
      case "5.3.4", "5.2.3", "4.3.4" -> {
        return DeliveryProblem.MESSAGE_TOO_BIG;
      }
      case "5.7.23",
          "5.7.24",
          "5.7.26",
          "5.7.27",
          "5.7.20",
          "5.7.509",
          "5.7.515",
          "4.7.23",
          "4.7.24",
          "4.7.26",
          "4.7.27" -> {
        return DeliveryProblem.AUTHENTICATION;
      }
      case "5.7.25", "4.7.25" -> {
        return DeliveryProblem.REVERSE_DNS;
      }
      case "4.7.28", "4.7.500", "4.7.650", "4.7.651" -> {
        return DeliveryProblem.RATE_LIMITED;
      }
      default -> {}
    }
    if (t.contains("user unknown")
        || t.contains("unknown user")
        || t.contains("no such user")
        || t.contains("mailbox unavailable")
        || t.contains("does not exist")
        || t.contains("recipient address rejected: user unknown")
        || t.contains("invalid recipient")
        || t.contains("mailbox not found")) return DeliveryProblem.MAILBOX_UNKNOWN;
    if (t.contains("mailbox full")
        || t.contains("over quota")
        || t.contains("quota exceeded")
        || t.contains("mailbox is full")
        || t.contains("insufficient storage")) return DeliveryProblem.MAILBOX_FULL;
    if (t.contains("too large") || t.contains("size exceeds") || t.contains("message size"))
      return DeliveryProblem.MESSAGE_TOO_BIG;
    if (t.contains("spf")
        || t.contains("dmarc")
        || t.contains("dkim")
        || t.contains("unauthenticated")) return DeliveryProblem.AUTHENTICATION;
    if (t.contains("reverse dns")
        || t.contains("ptr record")
        || t.contains("cannot find your hostname")
        || t.contains("reverse hostname")) return DeliveryProblem.REVERSE_DNS;
    if (t.contains("blocked using")
        || t.contains("block list")
        || t.contains("blocklist")
        || t.contains("blacklist")
        || t.contains("spamhaus")
        || t.contains("listed at")
        || t.contains("listed on")
        || t.contains("(s3150)")
        || t.contains("rbl")) return DeliveryProblem.BLOCKLISTED;
    if (t.contains("rate limit")
        || t.contains("too many")
        || t.contains("unusual rate")
        || t.contains("unusually high")
        || t.contains("temporarily deferred")
        || t.contains("[tss0")
        || t.contains("server busy")
        || t.contains("try again later")
        || t.contains("throttl")) return DeliveryProblem.RATE_LIMITED;
    if (t.contains("spam")
        || t.contains("policy")
        || t.contains("unsolicited")
        || t.contains("not accepted")
        || t.contains("rejected")
        || t.contains("denied")
        || enhanced.startsWith("5.7.")
        || enhanced.startsWith("4.7.")) return DeliveryProblem.POLICY;
    if (t.contains("mail transport unavailable")
        || t.contains("unknown mail transport")
        || t.contains("table lookup")
        || t.contains("temporary lookup failure")
        || t.contains("command died")
        || t.contains("cannot update mailbox")
        || t.contains("no space left")
        || t.contains("permission denied")) return DeliveryProblem.LOCAL_CONFIG;
    return DeliveryProblem.OTHER;
  }

  /** The first enhanced status code in the text ({@code 5.1.1}), or "". */
  static String enhanced(String lower) {
    Matcher m = ENHANCED.matcher(lower);
    return m.find() ? m.group() : "";
  }
}
