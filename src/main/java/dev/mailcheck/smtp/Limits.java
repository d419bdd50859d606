package dev.mailcheck.smtp;

/**
 * Every size and count cap of the SMTP client in one place (docs/smtp.md): what a hostile or broken
 * server can make the probe read and keep.
 */
public final class Limits {
  private Limits() {}

  /**
   * One reply line, CRLF excluded (RFC 5321 §4.5.3.1.5 asks for 512; real servers send longer
   * ones).
   */
  public static final int REPLY_LINE = 8192;

  /** Lines of one multi-line reply. */
  public static final int REPLY_LINES = 100;

  /** Octets of one reply, all lines together. */
  public static final int REPLY_BYTES = 64 * 1024;

  /** Lines kept in a session transcript; more are counted, not kept. */
  public static final int TRANSCRIPT_LINES = 400;

  /** Characters kept of one transcript line. */
  public static final int TRANSCRIPT_LINE_CHARS = 300;
}
