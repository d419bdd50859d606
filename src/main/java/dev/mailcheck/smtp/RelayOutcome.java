package dev.mailcheck.smtp;

import java.util.Optional;

/**
 * The relay test: MAIL FROM a foreign address, RCPT TO a foreign domain, never DATA, then RSET.
 *
 * @param from the envelope sender used
 * @param to the recipient used
 */
public record RelayOutcome(
    Result result, String from, String to, Optional<Reply> mailReply, Optional<Reply> rcptReply) {
  public enum Result {
    /** RCPT TO a foreign domain got 2yz: an open relay. */
    ACCEPTED,
    /** RCPT was refused with 5yz. */
    REFUSED,
    /** RCPT got 4yz (greylisting, rate limits): inconclusive. */
    TEMPORARY,
    /** MAIL FROM was refused, so RCPT was never tried: inconclusive. */
    SENDER_REJECTED,
    /** The exchange broke off. */
    ERROR
  }
}
