package dev.mailcheck.https;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Decides whether the fetcher may connect to an address: empty allows it, a reason refuses it
 * ("loopback (RFC 1122)"). The check layer builds it from the run's settings; the fetcher only
 * obeys it.
 */
@FunctionalInterface
public interface AddressFilter {
  Optional<String> refuse(InetAddress address);

  /** Every address allowed (labs, tests). */
  static AddressFilter allowAll() {
    return a -> Optional.empty();
  }
}
