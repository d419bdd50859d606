package dev.mailcheck.smtp;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for AUTH. For XOAUTH2 the secret is the bearer token.
 *
 * @param mechanism the SASL mechanism to use; empty means the strongest offered that the
 *     credentials allow (XOAUTH2 when a token is given, else CRAM-MD5, PLAIN, LOGIN)
 * @param oauthToken true when {@code secret} is an OAuth 2 bearer token rather than a password
 */
public record AuthRequest(
    String user, Secret secret, Optional<String> mechanism, boolean oauthToken) {
  public AuthRequest {
    Objects.requireNonNull(user);
    Objects.requireNonNull(secret);
    mechanism =
        mechanism == null ? Optional.empty() : mechanism.map(m -> m.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "AuthRequest[user="
        + user
        + ", mechanism="
        + mechanism
        + ", oauthToken="
        + oauthToken
        + "]";
  }
}
