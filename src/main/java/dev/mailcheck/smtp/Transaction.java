package dev.mailcheck.smtp;

import java.util.List;
import java.util.Objects;

/**
 * A mail transaction for the probe to run after EHLO, STARTTLS and AUTH (RFC 5321 §3.3): MAIL FROM,
 * RCPT TO for each recipient, then DATA (or BDAT with CHUNKING, RFC 3030) and QUIT, or QUIT after
 * {@link #quitAfter}.
 *
 * @param mailFrom the reverse path; empty for the null sender {@code <>}
 * @param recipients the forward paths, at least one
 * @param message the message as it goes on the wire before dot-stuffing (CRLF or LF line ends; LF
 *     is sent as CRLF); empty when the transaction stops before DATA
 * @param quitAfter where to stop; {@link Stage#DATA} sends the message
 * @param pipelining group MAIL and the RCPTs in one write when the server offers PIPELINING (RFC
 *     2920)
 * @param chunking send the message with BDAT when the server offers CHUNKING (RFC 3030)
 * @param eightBitMime declare BODY=8BITMIME (RFC 6152) even for a 7-bit message; an 8-bit message
 *     declares it anyway
 * @param smtpUtf8 declare SMTPUTF8 (RFC 6531) even for ASCII addresses; non-ASCII addresses declare
 *     it anyway
 */
public record Transaction(
    String mailFrom,
    List<String> recipients,
    byte[] message,
    Stage quitAfter,
    boolean pipelining,
    boolean chunking,
    boolean eightBitMime,
    boolean smtpUtf8) {
  public Transaction {
    Objects.requireNonNull(mailFrom);
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) throw new IllegalArgumentException("no recipient");
    message = message == null ? new byte[0] : message;
    Objects.requireNonNull(quitAfter);
    for (String a : recipients) requireSafe(a);
    requireSafe(mailFrom);
  }

  /** A recipient check: MAIL FROM and RCPT TO, then QUIT ({@code mailcheck smtp --rcpt}). */
  public static Transaction recipientCheck(String mailFrom, List<String> recipients) {
    return new Transaction(
        mailFrom, recipients, new byte[0], Stage.RCPT, false, false, false, false);
  }

  /** Addresses go on the wire verbatim: no space, control character or angle bracket. */
  private static void requireSafe(String address) {
    if (!address.codePoints().allMatch(c -> c > 0x20 && c != 0x7f && c != '<' && c != '>'))
      throw new IllegalArgumentException("address with a space, control character or <>");
  }

  /** The message has bytes above 127: it needs BODY=8BITMIME. */
  public boolean messageIs8Bit() {
    for (byte b : message) if (b < 0) return true;
    return false;
  }

  /** An address has characters above 127: the transaction needs SMTPUTF8 (RFC 6531 §3.4). */
  public boolean addressesNeedUtf8() {
    if (!mailFrom.chars().allMatch(c -> c < 0x80)) return true;
    return recipients.stream().anyMatch(a -> !a.chars().allMatch(c -> c < 0x80));
  }
}
