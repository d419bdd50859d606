package dev.mailcheck.internal;

/**
 * Bad user input: a malformed domain, a bad port, an unreadable file. The CLI turns it into a
 * one-line message and exit code 2; the message must read well on its own.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
