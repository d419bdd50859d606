package dev.mailcheck.checks.dkim;

/** Takes a message body's octets (CRLF line ends) in order, once, without keeping them. */
@FunctionalInterface
public interface BodySink {
  void update(byte[] b, int off, int len);
}
