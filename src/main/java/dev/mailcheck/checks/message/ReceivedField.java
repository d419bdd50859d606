package dev.mailcheck.checks.message;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One {@code Received:} field (RFC 5321 §4.4, RFC 5322 §3.6.7), parsed. Whatever could not be read
 * stays in {@link #raw()}: a field is never dropped, only marked {@link #parsed()} false.
 *
 * @param raw the value as received, unfolded
 * @param fromName the name after {@code from} (usually the HELO/EHLO name)
 * @param fromRdns the reverse-DNS name the receiving server recorded, when it did
 * @param fromAddress the connecting address (from {@code [192.0.2.1]}, or Exchange's {@code
 *     (10.0.0.1)})
 * @param helo the HELO name when recorded separately (Exim {@code helo=})
 * @param by the receiving host
 * @param with the protocol ({@code ESMTPS}, {@code SMTP}, {@code LMTP}, {@code Microsoft SMTP
 *     Server}...)
 * @param tls whether this hop used TLS (ESMTPS/ESMTPSA/…S, or a TLS note in a comment)
 * @param tlsNote the TLS version or cipher the field names, when it does
 * @param authenticated whether the client authenticated (ESMTPA/ESMTPSA, RFC 3848)
 * @param envelopeFrom the {@code envelope-from} comment (Exim, Sendmail, Gmail), when present
 * @param date the date-time after the final ";"
 */
public record ReceivedField(
    String raw,
    boolean parsed,
    String fromName,
    String fromRdns,
    Optional<String> fromAddress,
    String helo,
    String by,
    String with,
    String id,
    String forAddress,
    boolean tls,
    String tlsNote,
    boolean authenticated,
    String envelopeFrom,
    Optional<OffsetDateTime> date,
    List<String> comments) {
  public ReceivedField {
    comments = List.copyOf(comments);
  }

  /** Whether the client said UTF8SMTP (RFC 6531 §4.3 with-protocol values). */
  public boolean smtputf8() {
    return with.toUpperCase(java.util.Locale.ROOT).startsWith("UTF8");
  }
}
