package dev.mailcheck.smtp;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a transaction may stop ({@code --quit-after}), in session order: the probe sends QUIT after
 * the named stage and never DATA unless {@link #DATA} is reached (swaks' {@code --quit-after}).
 * {@link #CONNECT} closes the connection without reading the greeting.
 */
public enum Stage {
  CONNECT,
  BANNER,
  EHLO,
  /** After STARTTLS and the EHLO on the encrypted channel (or implicit TLS and its EHLO). */
  TLS,
  AUTH,
  /** After MAIL FROM. */
  MAIL,
  /** After the RCPT TOs: a recipient check that never sends a message. */
  RCPT,
  /** The whole transaction: the message is sent. */
  DATA;

  /** Lower-case token, e.g. {@code rcpt}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stage> of(String token) {
    for (Stage s : values()) if (s.token().equalsIgnoreCase(token.strip())) return Optional.of(s);
    return Optional.empty();
  }
}
