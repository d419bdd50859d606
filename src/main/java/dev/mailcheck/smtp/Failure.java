package dev.mailcheck.smtp;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a probe stopped before QUIT. {@link #phase} says where, {@link #kind} says what, and {@link
 * #reply} holds the server's reply when one came.
 */
public record Failure(Phase phase, Kind kind, String detail, Optional<Reply> reply) {
  public Failure {
    Objects.requireNonNull(phase);
    Objects.requireNonNull(kind);
    detail = detail == null ? "" : detail;
    reply = reply == null ? Optional.empty() : reply;
  }

  public Failure(Phase phase, Kind kind, String detail) {
    this(phase, kind, detail, Optional.empty());
  }

  public enum Kind {
    /** The name has no A/AAAA, or DNS failed. */
    DNS,
    /** TCP RST: nothing listens there. */
    REFUSED,
    /** No answer within the deadline: a filtered port, a tarpit, a slow drip. */
    TIMEOUT,
    /** No route to the host or network unreachable. */
    UNREACHABLE,
    /** The server closed the connection in the middle of a reply or before one. */
    CLOSED,
    /** A reply line longer than the cap without a line end. */
    LINE_TOO_LONG,
    /** More continuation lines, or more bytes, than one reply may have. */
    REPLY_TOO_LARGE,
    /** Bytes that are not an SMTP reply (no three-digit code, mixed codes, binary). */
    MALFORMED_REPLY,
    /** A negative reply that ends the session: 421/554 greeting, EHLO and HELO both refused. */
    REJECTED,
    /** STARTTLS was required but not advertised. */
    STARTTLS_NOT_OFFERED,
    /** STARTTLS was advertised but refused (e.g. 454) and TLS was required. */
    STARTTLS_REFUSED,
    /** The TLS handshake itself failed: an alert, no common protocol or cipher, not TLS at all. */
    TLS_HANDSHAKE,
    /**
     * The handshake completed, but on a submission service the certificate is not trusted or does
     * not match and {@code insecure} was not set, so the probe stopped (phase {@code
     * tls-handshake}).
     */
    CERTIFICATE,
    /**
     * The name resolves only to addresses in loopback, private or reserved ranges, which the probe
     * does not contact unless the request allows private addresses.
     */
    PRIVATE_ADDRESS,
    /**
     * The message needs what the server does not offer (a SIZE limit it exceeds, 8BITMIME,
     * SMTPUTF8): refused by the client before MAIL FROM, nothing sent.
     */
    UNSUPPORTED,
    /** Another I/O error. */
    IO
  }

  /** True when trying again later may give another answer. */
  public boolean temporary() {
    return switch (kind) {
      case TIMEOUT, UNREACHABLE, CLOSED, IO, DNS -> true;
      case REJECTED, STARTTLS_REFUSED -> reply.map(Reply::transientNegative).orElse(false);
      default -> false;
    };
  }
}
