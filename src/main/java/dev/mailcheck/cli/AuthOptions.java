package dev.mailcheck.cli;

import dev.mailcheck.internal.InputException;
import dev.mailcheck.smtp.AuthRequest;
import dev.mailcheck.smtp.Secret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --user}, {@code --auth}, {@code --password-file}, {@code --token-file}: who to
 * authenticate as and which secret to use.
 *
 * <p>The secret, in order: {@code --token-file}, or {@code --password-file}, when given; with
 * {@code --auth XOAUTH2} the token from {@code MAILCHECK_OAUTH_TOKEN}; with another {@code --auth}
 * the password from {@code MAILCHECK_PASSWORD}, then a prompt. Without {@code --auth}, whichever of
 * the two variables is set (XOAUTH2 for the token), else the prompt; both set is an error rather
 * than a guess.
 */
final class AuthOptions {
  static final List<String> MECHANISMS = List.of("PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");
  private static final String XOAUTH2 = "XOAUTH2";

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Authenticate as USER (only over TLS unless --allow-plaintext-auth).")
  String user;

  @Option(
      names = "--auth",
      paramLabel = "MECH",
      description =
          "SASL mechanism: PLAIN, LOGIN, CRAM-MD5, XOAUTH2 (default: the strongest offered).")
  String auth;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE.")
  Path passwordFile;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Read an OAuth 2 bearer token (for XOAUTH2) from FILE.")
  Path tokenFile;

  boolean requested() {
    return user != null;
  }

  /** Exit 2 for combinations that cannot mean anything; reads no secret. */
  void validate() {
    if (user == null) {
      for (var given :
          List.of(
              Optional.ofNullable(auth).map(a -> "--auth"),
              Optional.ofNullable(passwordFile).map(p -> "--password-file"),
              Optional.ofNullable(tokenFile).map(p -> "--token-file"))) {
        if (given.isPresent()) throw new InputException(given.get() + " needs --user");
      }
      return;
    }
    mechanism()
        .filter(m -> !MECHANISMS.contains(m))
        .ifPresent(
            m -> {
              throw new InputException(
                  "--auth must be one of "
                      + String.join(", ", MECHANISMS)
                      + ", not '"
                      + auth
                      + "'");
            });
    if (passwordFile != null && tokenFile != null)
      throw new InputException("--password-file and --token-file cannot be combined");
    if (passwordFile != null && mechanism().filter(XOAUTH2::equals).isPresent())
      throw new InputException(
          "--auth XOAUTH2 takes a token (--token-file or MAILCHECK_OAUTH_TOKEN), not a password");
    if (tokenFile != null && mechanism().filter(m -> !m.equals(XOAUTH2)).isPresent())
      throw new InputException(
          "--token-file is for XOAUTH2; --auth " + mechanism().get() + " takes a password");
  }

  /** The credentials to try, or empty without {@code --user}; reads the secret now. */
  Optional<AuthRequest> credentials(Secrets secrets, PrintWriter err) {
    validate();
    if (user == null) return Optional.empty();
    Optional<String> mech = mechanism();
    if (usesToken(secrets)) {
      Secret token =
          tokenFile != null
              ? Secrets.fromFile(tokenFile, "--token-file", err)
              : secrets
                  .fromEnvironment(Secrets.TOKEN_VARIABLE)
                  .orElseThrow(
                      () ->
                          new InputException(
                              "XOAUTH2 needs a token: set MAILCHECK_OAUTH_TOKEN or use --token-file"));
      return Optional.of(new AuthRequest(user, token, Optional.of(XOAUTH2), true));
    }
    Secret password =
        passwordFile != null
            ? Secrets.fromFile(passwordFile, "--password-file", err)
            : secrets
                .fromEnvironment(Secrets.PASSWORD_VARIABLE)
                .or(() -> secrets.fromPrompt(user))
                .orElseThrow(
                    () ->
                        new InputException(
                            "no password for --user: set MAILCHECK_PASSWORD, use --password-file,"
                                + " or run in a terminal to be prompted"));
    return Optional.of(new AuthRequest(user, password, mech, false));
  }

  private boolean usesToken(Secrets secrets) {
    if (tokenFile != null) return true;
    if (passwordFile != null) return false;
    Optional<String> mech = mechanism();
    if (mech.isPresent()) return mech.get().equals(XOAUTH2);
    boolean token = secrets.isSet(Secrets.TOKEN_VARIABLE);
    boolean password = secrets.isSet(Secrets.PASSWORD_VARIABLE);
    if (token && password)
      throw new InputException(
          "both MAILCHECK_PASSWORD and MAILCHECK_OAUTH_TOKEN are set; choose one with --auth"
              + " (XOAUTH2 uses the token)");
    return token;
  }

  private Optional<String> mechanism() {
    return Optional.ofNullable(auth).map(a -> a.toUpperCase(Locale.ROOT));
  }
}
