package dev.mailcheck.cli;

import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.smtp.ProbeRequest;
import picocli.CommandLine.TypeConversionException;

/**
 * The one place that turns a {@code HOST[:PORT]} argument and the shared options into an SMTP probe
 * request, for {@code smtp} and {@code ports}: the host checked by {@link Hosts#host}, the run's
 * timeout, and the trust options.
 */
final class ProbeRequests {
  private ProbeRequests() {}

  /** {@code HOST[:PORT]}, with the host checked; a bad value is exit 2. */
  static HostPort target(String value, int defaultPort) {
    HostPort hp;
    try {
      hp = HostPort.parse(value, defaultPort);
    } catch (TypeConversionException e) {
      throw new InputException(e.getMessage());
    }
    return new HostPort(Hosts.host(hp.host()), hp.port());
  }

  /**
   * Host, port, the run's timeout, trust and whether a name's private addresses may be contacted:
   * what every probe of {@code smtp} and {@code ports} shares.
   */
  static ProbeRequest.Builder builder(
      HostPort target, RunContext ctx, TlsTrustOptions trust, PrivateAddressOption addresses) {
    ProbeRequest.Builder b =
        ProbeRequest.builder(target.host(), target.port())
            .timeout(ctx.timeout())
            .insecure(trust.insecure)
            .allowPrivate(addresses.allowPrivate);
    if (trust.caFile != null) b.trustAnchors(CaFile.read(trust.caFile));
    return b;
  }

  /** True when the host is a name (an address literal needs no resolver). */
  static boolean needsDns(HostPort target) {
    return !InetAddresses.isLiteral(target.host());
  }

  /** {@code host:port}, IPv6 in brackets, as the report's target. */
  static String display(HostPort target) {
    return (target.host().contains(":") ? "[" + target.host() + "]" : target.host())
        + ":"
        + target.port();
  }

  /** {@code --ehlo}: a domain name or an address literal, checked before it goes on the wire. */
  static String ehloName(String ehlo) {
    boolean literal = ehlo.matches("\\[(IPv6:[0-9A-Fa-f:.]+|[0-9.]+)\\]");
    boolean name =
        ehlo.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    if (!literal && !name)
      throw new InputException(
          "--ehlo must be a domain name or an address literal like [192.0.2.1], not '"
              + ehlo.replaceAll("\\p{Cntrl}", "?")
              + "'");
    return ehlo;
  }
}
