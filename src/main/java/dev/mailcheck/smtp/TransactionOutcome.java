package dev.mailcheck.smtp;

import java.util.List;
import java.util.Optional;

/**
 * What the server answered in a {@link Transaction}. A failure that ends the transaction (MAIL
 * refused, every RCPT refused, DATA or the message refused, an extension the message needs missing)
 * is the probe's {@link Failure} in phase {@code mail}, {@code rcpt} or {@code data}; the replies
 * are here either way.
 *
 * @param mailParameters the ESMTP parameters sent with MAIL FROM, e.g. {@code SIZE=1234
 *     BODY=8BITMIME}
 * @param mailFrom the reply to MAIL FROM
 * @param recipients each RCPT TO and its reply, in order
 * @param data the reply to DATA (354), empty with BDAT or when not sent
 * @param end the reply after the message (the end-of-data dot or the last BDAT)
 * @param queueId the queue id in that reply ({@code 250 2.0.0 Ok: queued as 4Fq2Lk0x7Qz1})
 * @param pipelined MAIL and RCPT went in one group (RFC 2920)
 * @param chunked the message went with BDAT (RFC 3030)
 * @param messageBytes bytes of message sent (after line-end normalisation, before dot-stuffing)
 */
public record TransactionOutcome(
    String mailParameters,
    Optional<Reply> mailFrom,
    List<Recipient> recipients,
    Optional<Reply> data,
    Optional<Reply> end,
    Optional<String> queueId,
    boolean pipelined,
    boolean chunked,
    long messageBytes) {
  public TransactionOutcome {
    recipients = List.copyOf(recipients);
  }

  /** One RCPT TO and its reply. */
  public record Recipient(String address, Reply reply) {}

  /** The message was accepted for delivery (2xx after the data). */
  public boolean delivered() {
    return end.map(Reply::positive).orElse(false);
  }

  public List<Recipient> accepted() {
    return recipients.stream().filter(r -> r.reply().positive()).toList();
  }
}
