package dev.mailcheck.checks.message;

import dev.mailcheck.internal.InetAddresses;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The SMTP connection SPF is evaluated for: the client address, HELO name and MAIL FROM of the
 * first hop from outside the trust boundary, each given on the command line or read from the
 * message, with where it came from (shown in the report).
 *
 * @param mailFrom the reverse-path; "" is the null sender of a bounce (RFC 5321 §4.5.5)
 * @param mailFromKnown whether a MAIL FROM was given or found at all
 */
public record Connection(
    Optional<InetAddress> ip,
    String ipSource,
    String helo,
    String mailFrom,
    boolean mailFromKnown,
    String mailFromSource) {

  static Connection of(MessageCheck.Query q, MessageHeaders h, Trace trace) {
    var hop = trace.externalHop();
    Optional<InetAddress> ip = q.ip();
    String ipSource = "the caller";
    if (ip.isEmpty()) {
      ip = hop.flatMap(x -> x.field().fromAddress()).flatMap(InetAddresses::parse);
      ipSource =
          ip.isPresent()
              ? "Received hop "
                  + (trace.external().get() + 1)
                  + " (first from outside the trust boundary)"
              : "";
    }
    String helo = q.helo().orElse(hop.map(x -> x.field().helo()).orElse(""));
    String mailFrom;
    String source;
    boolean known = true;
    if (q.mailFrom().isPresent()) {
      mailFrom = q.mailFrom().get();
      source = "the caller";
    } else if (h.returnPath().isPresent()) {
      mailFrom = h.returnPath().get();
      source = "Return-Path";
    } else if (hop.isPresent() && !hop.get().field().envelopeFrom().isEmpty()) {
      mailFrom = hop.get().field().envelopeFrom();
      source = "envelope-from of the Received field";
    } else {
      mailFrom = "";
      source = "";
      known = false;
    }
    return new Connection(ip, ipSource, helo, mailFrom, known, source);
  }

  /**
   * The domain SPF checks: the MAIL FROM domain, or the HELO name for the null sender (RFC 7208
   * §2.4).
   */
  public Optional<String> spfDomain() {
    if (!mailFromKnown) return Optional.empty();
    if (!mailFrom.isEmpty()) return Addresses.domain(mailFrom);
    return helo.contains(".") && !helo.startsWith("[")
        ? Optional.of(helo.toLowerCase(java.util.Locale.ROOT))
        : Optional.empty();
  }
}
