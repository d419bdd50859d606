package dev.mailcheck.cli;

import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters; a bad value is a usage error (exit 2) with a one-line message. */
final class Converters {
  private Converters() {}

  /** {@code 5s}, {@code 500ms}, {@code 1m}, {@code 1.5s}; a bare number is seconds. */
  static final class Timeout implements ITypeConverter<Duration> {
    private static final Pattern P = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    @Override
    public Duration convert(String value) {
      Matcher m = P.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches())
        throw new TypeConversionException("'" + value + "' is not a duration (e.g. 5s, 500ms, 1m)");
      double n = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      long millis =
          switch (unit) {
            case "ms" -> (long) n;
            case "m" -> (long) (n * 60_000);
            default -> (long) (n * 1000);
          };
      if (millis <= 0)
        throw new TypeConversionException("timeout must be positive: '" + value + "'");
      if (millis > 600_000)
        throw new TypeConversionException("timeout over 10 minutes: '" + value + "'");
      return Duration.ofMillis(millis);
    }
  }

  /** {@code warn} or {@code fail}. */
  static final class FailOn implements ITypeConverter<Status> {
    @Override
    public Status convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "warn" -> Status.WARN;
        case "fail" -> Status.FAIL;
        default -> throw new TypeConversionException("'" + value + "' is not warn or fail");
      };
    }
  }

  /**
   * {@code 127.0.0.1}, {@code 127.0.0.1:5353}, {@code ::1}, {@code [::1]:5353}, {@code localhost}:
   * a DNS server by address. A name is refused rather than looked up: resolving it would ask the
   * system resolver at parse time, outside {@code --timeout}, for the resolver we are to ask.
   */
  static final class ResolverAddress implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      HostPort hp = HostPort.parse(value, 53);
      if (hp.host().equalsIgnoreCase("localhost"))
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), hp.port());
      return InetAddresses.parse(hp.host())
          .map(a -> new InetSocketAddress(a, hp.port()))
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'"
                          + DomainNames.printable(hp.host())
                          + "' is not an IP address; give the DNS server's address"
                          + " (e.g. 192.0.2.53, [2001:db8::53]:53 or localhost)"));
    }
  }

  /**
   * A DKIM selector: dot-separated labels of letters, digits, '-' and '_' (RFC 6376 §3.1), lower
   * case.
   */
  static final class DkimSelector implements ITypeConverter<String> {
    private static final Pattern LABELS =
        Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*");

    @Override
    public String convert(String value) {
      String s = value.strip().toLowerCase(Locale.ROOT);
      if (s.length() > 200 || !LABELS.matcher(s).matches())
        throw new TypeConversionException(
            "'" + DomainNames.printable(value) + "' is not a valid DKIM selector");
      return s;
    }
  }
}
