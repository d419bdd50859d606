package dev.mailcheck.smtp;

/** How the probe uses TLS. */
public enum TlsMode {
  /** Never start TLS; report what the plain session offers. */
  NONE,
  /** STARTTLS when advertised, go on in plaintext otherwise (what MTAs do on port 25). */
  OPPORTUNISTIC,
  /** STARTTLS must be advertised and work; otherwise the probe stops ({@code --starttls}). */
  STARTTLS,
  /** TLS from the first byte, RFC 8314 §3.3 (port 465, {@code --tls}). */
  IMPLICIT
}
