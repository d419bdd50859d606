package dev.mailcheck.smtp;

import java.util.Map;
import java.util.Optional;

/**
 * Reply codes (RFC 5321 §4.2.2, §4.2.3; RFC 4954 §6 for AUTH; RFC 3207 §4 for STARTTLS) and
 * enhanced status codes (RFC 3463 §3, §4; registry of RFC 5248) explained in words for people.
 */
public final class ReplyCodes {
  private ReplyCodes() {}

  private static final Map<Integer, String> CODES =
      Map.ofEntries(
          Map.entry(211, "system status"),
          Map.entry(214, "help message"),
          Map.entry(220, "service ready"),
          Map.entry(221, "closing the connection"),
          Map.entry(235, "authentication succeeded"),
          Map.entry(250, "requested action completed"),
          Map.entry(251, "user not local; will forward"),
          Map.entry(252, "cannot verify the user, but will accept the message"),
          Map.entry(334, "authentication challenge: send the next step"),
          Map.entry(354, "start mail input"),
          Map.entry(421, "service not available, closing the connection (temporary)"),
          Map.entry(432, "a password transition is needed"),
          Map.entry(450, "mailbox unavailable (temporary, e.g. busy or greylisted)"),
          Map.entry(451, "local error in processing (temporary)"),
          Map.entry(452, "insufficient system storage or too many recipients (temporary)"),
          Map.entry(454, "TLS or authentication temporarily unavailable"),
          Map.entry(455, "server unable to accommodate parameters (temporary)"),
          Map.entry(500, "syntax error, command unrecognized"),
          Map.entry(501, "syntax error in parameters or arguments"),
          Map.entry(502, "command not implemented"),
          Map.entry(503, "bad sequence of commands"),
          Map.entry(504, "command parameter (or AUTH mechanism) not implemented"),
          Map.entry(521, "this host does not accept mail (RFC 7504)"),
          Map.entry(523, "encryption needed for the requested mechanism"),
          Map.entry(530, "authentication or STARTTLS required first"),
          Map.entry(534, "authentication mechanism is too weak"),
          Map.entry(535, "authentication credentials invalid"),
          Map.entry(538, "encryption required for the requested authentication mechanism"),
          Map.entry(550, "mailbox unavailable or action refused by policy"),
          Map.entry(551, "user not local"),
          Map.entry(552, "exceeded storage allocation or message size"),
          Map.entry(553, "mailbox name not allowed"),
          Map.entry(554, "transaction failed (or, as greeting: no SMTP service here)"),
          Map.entry(555, "MAIL FROM/RCPT TO parameters not recognized"),
          Map.entry(556, "the domain does not accept mail (RFC 7504)"));

  private static final Map<String, String> CLASSES =
      Map.of("2", "success", "4", "persistent transient failure", "5", "permanent failure");

  private static final Map<String, String> DETAILS =
      Map.ofEntries(
          Map.entry("0.0", "other undefined status"),
          Map.entry("1.0", "other address status"),
          Map.entry("1.1", "bad destination mailbox address"),
          Map.entry("1.2", "bad destination system address"),
          Map.entry("1.3", "bad destination mailbox address syntax"),
          Map.entry("1.4", "destination mailbox address ambiguous"),
          Map.entry("1.5", "destination address valid"),
          Map.entry("1.6", "destination mailbox has moved"),
          Map.entry("1.7", "bad sender's mailbox address syntax"),
          Map.entry("1.8", "bad sender's system address"),
          Map.entry("1.9", "message relayed to non-compliant mailer"),
          Map.entry("1.10", "recipient address has null MX (RFC 7505)"),
          Map.entry("2.0", "other or undefined mailbox status"),
          Map.entry("2.1", "mailbox disabled, not accepting messages"),
          Map.entry("2.2", "mailbox full"),
          Map.entry("2.3", "message length exceeds administrative limit"),
          Map.entry("2.4", "mailing list expansion problem"),
          Map.entry("3.0", "other or undefined mail system status"),
          Map.entry("3.1", "mail system full"),
          Map.entry("3.2", "system not accepting network messages"),
          Map.entry("3.3", "system not capable of selected features"),
          Map.entry("3.4", "message too big for system"),
          Map.entry("3.5", "system incorrectly configured"),
          Map.entry("3.6", "requested priority was changed"),
          Map.entry("4.0", "other or undefined network or routing status"),
          Map.entry("4.1", "no answer from host"),
          Map.entry("4.2", "bad connection"),
          Map.entry("4.3", "directory server failure"),
          Map.entry("4.4", "unable to route"),
          Map.entry("4.5", "mail system congestion"),
          Map.entry("4.6", "routing loop detected"),
          Map.entry("4.7", "delivery time expired"),
          Map.entry("5.0", "other or undefined protocol status"),
          Map.entry("5.1", "invalid command"),
          Map.entry("5.2", "syntax error"),
          Map.entry("5.3", "too many recipients"),
          Map.entry("5.4", "invalid command arguments"),
          Map.entry("5.5", "wrong protocol version"),
          Map.entry("5.6", "authentication exchange line is too long"),
          Map.entry("6.0", "other or undefined media error"),
          Map.entry("6.1", "media not supported"),
          Map.entry("6.2", "conversion required and prohibited"),
          Map.entry("6.3", "conversion required but not supported"),
          Map.entry("6.4", "conversion with loss performed"),
          Map.entry("6.5", "conversion failed"),
          Map.entry("6.6", "message content not available"),
          Map.entry(
              "6.7", "non-ASCII addresses not permitted for that sender/recipient (RFC 6531)"),
          Map.entry("6.8", "UTF-8 string reply is required, but not permitted by the SMTP client"),
          Map.entry("6.9", "UTF-8 header message cannot be transferred to one or more recipients"),
          Map.entry("6.10", "IDN conversion failed"),
          Map.entry("6.11", "non-ASCII address or header needs SMTPUTF8"),
          Map.entry("7.0", "other or undefined security status"),
          Map.entry("7.1", "delivery not authorized, message refused"),
          Map.entry("7.2", "mailing list expansion prohibited"),
          Map.entry("7.3", "security conversion required but not possible"),
          Map.entry("7.4", "security features not supported"),
          Map.entry("7.5", "cryptographic failure"),
          Map.entry("7.6", "cryptographic algorithm not supported"),
          Map.entry("7.7", "message integrity failure"),
          Map.entry("7.8", "authentication credentials invalid"),
          Map.entry("7.9", "authentication mechanism is too weak"),
          Map.entry("7.10", "encryption needed"),
          Map.entry("7.11", "encryption required for requested authentication mechanism"),
          Map.entry("7.12", "a password transition is needed"),
          Map.entry("7.13", "user account disabled"),
          Map.entry("7.14", "trust relationship required"),
          Map.entry("7.15", "priority level is too low"),
          Map.entry("7.16", "message is too big for the specified priority"),
          Map.entry("7.17", "mailbox owner has changed"),
          Map.entry("7.18", "relay access denied"),
          Map.entry("7.19", "RRVS test cannot be completed"),
          Map.entry("7.20", "no passing DKIM signature found"),
          Map.entry("7.21", "no acceptable DKIM signature found"),
          Map.entry("7.22", "no valid author-matched DKIM signature found"),
          Map.entry("7.23", "SPF validation failed"),
          Map.entry("7.24", "SPF validation error"),
          Map.entry("7.25", "reverse DNS validation failed"),
          Map.entry("7.26", "multiple authentication checks failed"),
          Map.entry("7.27", "sender address has null MX (RFC 7505)"),
          Map.entry("7.28", "mail flood detected"),
          Map.entry("7.29", "ARC validation failure"),
          Map.entry("7.30", "REQUIRETLS support required"));

  /** The meaning of a reply code, or of its class when the exact code is not registered. */
  public static String describe(int code) {
    String known = CODES.get(code);
    if (known != null) return known;
    return switch (code / 100) {
      case 2 -> "success";
      case 3 -> "intermediate: more input expected";
      case 4 -> "temporary failure";
      case 5 -> "permanent failure";
      default -> "unknown reply class";
    };
  }

  /** The meaning of an enhanced status code such as {@code 5.7.8}, when known. */
  public static Optional<String> describeEnhanced(String enhanced) {
    int dot = enhanced.indexOf('.');
    if (dot < 0) return Optional.empty();
    String cls = CLASSES.get(enhanced.substring(0, dot));
    String detail = DETAILS.get(enhanced.substring(dot + 1));
    if (cls == null) return Optional.empty();
    return Optional.of(detail == null ? cls : detail + " (" + cls + ")");
  }

  /** {@code 535 5.7.8 authentication credentials invalid} */
  public static String explain(Reply reply) {
    var sb = new StringBuilder().append(reply.code());
    var enhanced = reply.enhancedCode();
    enhanced.ifPresent(e -> sb.append(' ').append(e));
    sb.append(": ")
        .append(enhanced.flatMap(ReplyCodes::describeEnhanced).orElse(describe(reply.code())));
    return sb.toString();
  }
}
