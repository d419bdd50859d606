package dev.mailcheck.checks;

import dev.mailcheck.dns.TrustAnchors;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a run decides for every check, as plain values: the pure evaluators may read these and
 * nothing else of the world. The CLI fills them from its options; the core never names an option.
 *
 * @param clock the only clock checks read (certificate expiry, DKIM x=, SPF %{t})
 * @param timeout the deadline of each network step
 * @param allowPrivate whether addresses in loopback, private and reserved ranges (labs, internal
 *     mail) may be contacted and count as reachable
 * @param trustAnchors CAs to validate server certificates against; empty means the system store
 * @param dnssecAnchors where DNSSEC validation starts: the IANA root keys, or {@code
 *     --trust-anchor}
 */
public record CheckSettings(
    Clock clock,
    Duration timeout,
    boolean allowPrivate,
    List<X509Certificate> trustAnchors,
    TrustAnchors dnssecAnchors) {
  public CheckSettings {
    Objects.requireNonNull(clock);
    Objects.requireNonNull(timeout);
    trustAnchors = List.copyOf(trustAnchors);
    Objects.requireNonNull(dnssecAnchors);
  }

  public CheckSettings(
      Clock clock, Duration timeout, boolean allowPrivate, List<X509Certificate> trustAnchors) {
    this(clock, timeout, allowPrivate, trustAnchors, TrustAnchors.root());
  }

  public CheckSettings withDnssecAnchors(TrustAnchors anchors) {
    return new CheckSettings(clock, timeout, allowPrivate, trustAnchors, anchors);
  }

  /** System clock, 5 s, public addresses only, system trust store. */
  public static CheckSettings defaults() {
    return new CheckSettings(Clock.systemUTC(), Duration.ofSeconds(5), false, List.of());
  }

  public CheckSettings withClock(Clock c) {
    return new CheckSettings(c, timeout, allowPrivate, trustAnchors, dnssecAnchors);
  }

  public CheckSettings withTimeout(Duration t) {
    return new CheckSettings(clock, t, allowPrivate, trustAnchors, dnssecAnchors);
  }

  public CheckSettings withAllowPrivate(boolean allow) {
    return new CheckSettings(clock, timeout, allow, trustAnchors, dnssecAnchors);
  }

  public CheckSettings withTrustAnchors(List<X509Certificate> anchors) {
    return new CheckSettings(clock, timeout, allowPrivate, anchors, dnssecAnchors);
  }
}
