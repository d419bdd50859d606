package dev.mailcheck.internal;

/**
 * The check as a whole could not run: no resolver answered, every server timed out. The CLI turns
 * it into a one-line message and exit code 3. Problems with what is inspected are findings, not
 * this.
 */
public final class CouldNotRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CouldNotRunException(String message) {
    super(message);
  }

  public CouldNotRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
