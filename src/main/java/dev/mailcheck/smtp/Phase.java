package dev.mailcheck.smtp;

import java.util.Locale;

/** The steps of a probe, in the order they happen; each is timed. */
public enum Phase {
  DNS,
  CONNECT,
  /** Implicit TLS (RFC 8314) before the greeting, or the upgrade after STARTTLS (RFC 3207). */
  TLS_HANDSHAKE,
  BANNER,
  EHLO,
  STARTTLS,
  /** EHLO again on the encrypted channel (RFC 3207 §4.2: the client must discard what it knew). */
  EHLO_TLS,
  AUTH,
  RELAY,
  /** MAIL FROM of a transaction (RFC 5321 §3.3). */
  MAIL,
  /** The RCPT TOs of a transaction. */
  RCPT,
  /** DATA and the message, or BDAT (RFC 3030). */
  DATA,
  QUIT,
  /** A separate short connection offering only TLS 1.0 and 1.1. */
  LEGACY_TLS;

  /** Lower-case token used in JSON and text, e.g. {@code tls-handshake}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
