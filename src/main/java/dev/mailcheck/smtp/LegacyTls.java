package dev.mailcheck.smtp;

import java.util.Optional;

/**
 * The outcome of the legacy-TLS check: a separate connection whose handshake offers only TLS 1.0
 * and 1.1 (RFC 8996 deprecates both), made with BouncyCastle's JSSE provider because the JDK's
 * provider disables them.
 *
 * @param accepted the server completed the handshake
 * @param protocol the legacy version it chose, when accepted
 * @param detail what happened, in words (the alert when refused)
 * @param conclusive false when the check could not tell (connection failed before the handshake)
 */
public record LegacyTls(
    boolean accepted, Optional<String> protocol, String detail, boolean conclusive) {}
