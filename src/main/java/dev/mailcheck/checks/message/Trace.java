package dev.mailcheck.checks.message;

import dev.mailcheck.internal.InetAddresses;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Received fields as hops, oldest first (the bottom field is hop 1): the delay of each hop
 * (from the previous hop's date, or from the Date field for hop 1), clock skew (a hop dated before
 * the one before it), the slowest hop, and the first hop from outside the receiver's trust
 * boundary. Pure.
 *
 * @param hops oldest first
 * @param external the index in {@link #hops} of the connection from the outside, if found
 * @param slowest the index of the hop with the longest delay, if any delay is known
 */
public record Trace(
    List<Hop> hops, Optional<Integer> external, Optional<Integer> slowest, boolean truncated) {
  /** Hops that go back in time by more than this are flagged as clock skew. */
  static final Duration SKEW = Duration.ofMinutes(1);

  public Trace {
    hops = List.copyOf(hops);
  }

  /**
   * @param delay from the previous hop (or the Date field) to this one
   * @param trusted added by the receiving side (above the trust boundary)
   */
  public record Hop(
      ReceivedField field, Optional<Duration> delay, boolean clockSkew, boolean trusted) {}

  public Optional<Hop> externalHop() {
    return external.map(hops::get);
  }

  static Trace of(MessageHeaders h, TrustBoundary boundary) {
    List<ReceivedField> topDown = h.received();
    int n = topDown.size();
    int externalTop = externalIndex(topDown, boundary);
    List<Hop> hops = new ArrayList<>();
    Optional<OffsetDateTime> previous = MailDates.parse(h.date());
    for (int k = n - 1; k >= 0; k--) {
      ReceivedField f = topDown.get(k);
      Optional<Duration> delay = Optional.empty();
      boolean skew = false;
      if (f.date().isPresent() && previous.isPresent()) {
        Duration d = Duration.between(previous.get(), f.date().get());
        delay = Optional.of(d);
        skew = d.compareTo(SKEW.negated()) < 0;
      }
      if (f.date().isPresent()) previous = f.date();
      hops.add(new Hop(f, delay, skew, externalTop >= 0 && k < externalTop));
    }
    Optional<Integer> external =
        externalTop < 0 ? Optional.empty() : Optional.of(n - 1 - externalTop);
    Optional<Integer> slowest = Optional.empty();
    for (int i = 0; i < hops.size(); i++) {
      var d = hops.get(i).delay();
      if (d.isEmpty() || d.get().isNegative()) continue;
      if (slowest.isEmpty() || d.get().compareTo(hops.get(slowest.get()).delay().get()) > 0)
        slowest = Optional.of(i);
    }
    return new Trace(hops, external, slowest, h.receivedTotal() > h.received().size());
  }

  /**
   * Addresses a receiver's own relays use: private, loopback, link-local, shared (CGNAT) and
   * unique-local ranges. Documentation ranges count as outside, so that examples read as real.
   */
  static boolean internal(java.net.InetAddress a) {
    byte[] b = a.getAddress();
    boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    return a.isSiteLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || cgnat
        || uniqueLocal;
  }

  /** The index, top-down, of the Received field that records the connection from the outside. */
  static int externalIndex(List<ReceivedField> topDown, TrustBoundary boundary) {
    switch (boundary) {
      case TrustBoundary.Count c -> {
        return c.fields() <= topDown.size() ? c.fields() - 1 : -1;
      }
      case TrustBoundary.Hosts hosts -> {
        for (int i = 0; i < topDown.size(); i++) {
          ReceivedField f = topDown.get(i);
          if (f.fromAddress().isPresent() && !hosts.trusts(f)) return i;
        }
        return -1;
      }
      case TrustBoundary.Auto a -> {
        int any = -1;
        for (int i = 0; i < topDown.size(); i++) {
          Optional<String> addr = topDown.get(i).fromAddress();
          if (addr.isEmpty()) continue;
          var ip = InetAddresses.parse(addr.get());
          if (ip.isEmpty()) continue;
          if (any < 0) any = i;
          if (!internal(ip.get())) return i;
        }
        return any;
      }
    }
  }
}
