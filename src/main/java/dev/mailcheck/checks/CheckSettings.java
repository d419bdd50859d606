package dev.mailcheck.checks;

import dev.mailcheck.dns.TrustAnchors;
import dev.mailcheck.internal.Switches;
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
 * @param dnssecAnchors where DNSSEC validation starts: the IANA root keys, or anchors the run was
 *     given
 * @param switches how findings name the switches they point to (the CLI's option names, or {@link
 *     Switches#WORDS} for library callers)
 */
public record CheckSettings(
    Clock clock,
    Duration timeout,
    boolean allowPrivate,
    List<X509Certificate> trustAnchors,
    TrustAnchors dnssecAnchors,
    Switches switches) {
  public CheckSettings {
    Objects.requireNonNull(clock);
    Objects.requireNonNull(timeout);
    trustAnchors = List.copyOf(trustAnchors);
    Objects.requireNonNull(dnssecAnchors);
    Objects.requireNonNull(switches);
  }

  public CheckSettings(
      Clock clock, Duration timeout, boolean allowPrivate, List<X509Certificate> trustAnchors) {
    this(clock, timeout, allowPrivate, trustAnchors, TrustAnchors.root(), Switches.WORDS);
  }

  public CheckSettings withDnssecAnchors(TrustAnchors anchors) {
    return new CheckSettings(clock, timeout, allowPrivate, trustAnchors, anchors, switches);
  }

  /** System clock, 5 s, public addresses only, system trust store, switches in words. */
  public static CheckSettings defaults() {
    return new CheckSettings(Clock.systemUTC(), Duration.ofSeconds(5), false, List.of());
  }

  public CheckSettings withClock(Clock c) {
    return new CheckSettings(c, timeout, allowPrivate, trustAnchors, dnssecAnchors, switches);
  }

  public CheckSettings withTimeout(Duration t) {
    return new CheckSettings(clock, t, allowPrivate, trustAnchors, dnssecAnchors, switches);
  }

  public CheckSettings withAllowPrivate(boolean allow) {
    return new CheckSettings(clock, timeout, allow, trustAnchors, dnssecAnchors, switches);
  }

  public CheckSettings withTrustAnchors(List<X509Certificate> anchors) {
    return new CheckSettings(clock, timeout, allowPrivate, anchors, dnssecAnchors, switches);
  }

  public CheckSettings withSwitches(Switches s) {
    return new CheckSettings(clock, timeout, allowPrivate, trustAnchors, dnssecAnchors, s);
  }
}
