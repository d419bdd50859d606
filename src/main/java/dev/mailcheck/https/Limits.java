package dev.mailcheck.https;

/**
 * Every size and count cap of the HTTPS fetcher in one place besides the body size each request
 * sets (MTA-STS policy 64 KiB, BIMI logo): what a hostile server can make it read.
 */
public final class Limits {
  private Limits() {}

  /** One status or header line. */
  public static final int HEAD_LINE = 8 * 1024;

  /** Header fields of one response. */
  public static final int HEADERS = 100;
}
