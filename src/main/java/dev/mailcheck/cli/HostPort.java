package dev.mailcheck.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * HOST[:PORT] as users type it: {@code mail.example.com:587}, {@code 192.0.2.1}, {@code
 * [2001:db8::1]:25}, or a bare IPv6 literal without a port.
 */
record HostPort(String host, int port) {
  static HostPort parse(String value, int defaultPort) {
    String v = value.trim();
    if (v.isEmpty()) throw new TypeConversionException("empty host");
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0) throw new TypeConversionException("'" + value + "': missing ']'");
      String host = v.substring(1, close);
      String rest = v.substring(close + 1);
      if (rest.isEmpty()) return new HostPort(host, defaultPort);
      if (!rest.startsWith(":"))
        throw new TypeConversionException("'" + value + "': expected ':PORT' after ']'");
      return new HostPort(host, port(rest.substring(1), value));
    }
    int colon = v.indexOf(':');
    if (colon >= 0 && v.indexOf(':', colon + 1) >= 0)
      return new HostPort(v, defaultPort); // bare IPv6
    if (colon < 0) return new HostPort(v, defaultPort);
    return new HostPort(v.substring(0, colon), port(v.substring(colon + 1), value));
  }

  private static int port(String s, String value) {
    try {
      int p = Integer.parseInt(s);
      if (p >= 1 && p <= 65535) return p;
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new TypeConversionException("'" + value + "': port must be a number from 1 to 65535");
  }
}
