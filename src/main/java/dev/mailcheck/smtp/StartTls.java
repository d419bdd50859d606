package dev.mailcheck.smtp;

/** What happened with STARTTLS (RFC 3207). */
public enum StartTls {
  /** Implicit TLS, TLS mode NONE, or the probe stopped before EHLO. */
  NOT_ATTEMPTED,
  /** EHLO did not advertise STARTTLS. */
  NOT_OFFERED,
  /** Advertised, but the STARTTLS command got a negative reply (e.g. 454). */
  REFUSED,
  /** 220 to STARTTLS, then the handshake failed. */
  HANDSHAKE_FAILED,
  /** The session is encrypted. */
  OK
}
