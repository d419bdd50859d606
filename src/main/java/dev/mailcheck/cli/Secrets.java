package dev.mailcheck.cli;

import dev.mailcheck.internal.InputException;
import dev.mailcheck.smtp.Secret;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where passwords and OAuth tokens come from: files named by an option, the environment ({@code
 * MAILCHECK_PASSWORD}, {@code MAILCHECK_OAUTH_TOKEN}), or an interactive prompt without echo. A
 * secret is never taken from the command line, and nothing here prints one. Which source wins is
 * {@link AuthOptions}'s decision; this class only reads them.
 *
 * @param env the environment ({@code System.getenv()} in production; tests pass a map)
 * @param prompt asks for a password without echo; empty when there is no terminal
 */
record Secrets(Map<String, String> env, Prompt prompt) {
  static final String PASSWORD_VARIABLE = "MAILCHECK_PASSWORD";
  static final String TOKEN_VARIABLE = "MAILCHECK_OAUTH_TOKEN";

  /**
   * Longest first line read from a secret file: a long OAuth token fits, /dev/zero does not hang.
   */
  static final int MAX_SECRET_BYTES = 64 * 1024;

  Secrets {
    env = Map.copyOf(env);
  }

  /** Reads a password without echo; empty when there is no terminal or nothing was entered. */
  @FunctionalInterface
  interface Prompt {
    Optional<char[]> readPassword(String prompt);
  }

  static Secrets system() {
    return new Secrets(
        System.getenv(),
        text -> {
          Console console = System.console();
          if (console == null || !Terminal.isInteractive()) return Optional.empty();
          return Optional.ofNullable(console.readPassword("%s", text));
        });
  }

  /** Whether {@code variable} is set and not empty (empty counts as unset). */
  boolean isSet(String variable) {
    String v = env.get(variable);
    return v != null && !v.isEmpty();
  }

  /** The value of an environment variable, empty when unset or empty (empty counts as unset). */
  Optional<Secret> fromEnvironment(String variable) {
    String v = env.get(variable);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(Secret.of(v));
  }

  /** Asks for the password of {@code user} at the terminal; empty without one. */
  Optional<Secret> fromPrompt(String user) {
    Optional<char[]> typed =
        prompt.readPassword("Password for " + user.replaceAll("\\p{Cntrl}", "?") + ": ");
    if (typed.isEmpty()) return Optional.empty();
    char[] pw = typed.get();
    try {
      if (pw.length == 0) throw new InputException("no password entered");
      return Optional.of(new Secret(pw));
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /**
   * The first line of {@code file} without its line end ({@code \n} or {@code \r\n}), read with a
   * cap. A file other users can read gets a one-line warning on {@code err} (like ssh, but not
   * fatal: the run goes on, since the secret is already exposed and refusing would not undo that).
   *
   * @param option the option that named the file, for messages ({@code --password-file})
   */
  static Secret fromFile(Path file, String option, PrintWriter err) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(MAX_SECRET_BYTES + 1);
    } catch (IOException e) {
      throw new InputException("cannot read " + option + " " + file + ": " + reason(e));
    }
    int nl = 0;
    while (nl < head.length && head[nl] != '\n') nl++;
    if (nl > MAX_SECRET_BYTES)
      throw new InputException(
          option + " " + file + ": first line longer than " + MAX_SECRET_BYTES + " bytes");
    int end = nl > 0 && head[nl - 1] == '\r' ? nl - 1 : nl;
    if (end == 0) throw new InputException(option + " " + file + " is empty");
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(head, 0, end));
    char[] value = new char[chars.remaining()];
    chars.get(value);
    Arrays.fill(head, (byte) 0);
    Secret secret = new Secret(value);
    Arrays.fill(value, '\0');
    if (othersCanRead(file)) {
      err.println(
          "mailcheck: warning: "
              + option
              + " "
              + file
              + " is readable by other users; restrict it (chmod 600)");
      err.flush();
    }
    return secret;
  }

  private static boolean othersCanRead(Path file) {
    try {
      return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\p{Cntrl}", "?");
  }
}
