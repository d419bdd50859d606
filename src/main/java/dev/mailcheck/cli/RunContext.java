package dev.mailcheck.cli;

import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.report.Status;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings of one run, built once from the global options and passed down; nothing reads global
 * mutable state.
 *
 * @param dns the resolver's settings, which hold the run's one timeout ({@code --timeout})
 * @param dnssecAnchors the DNSSEC trust anchors ({@code --trust-anchor} or the built-in root
 *     anchors), read when a command first needs them (a bad file is an input error, exit 2)
 */
public record RunContext(
    DnsSettings dns,
    OutputFormat format,
    boolean color,
    boolean verbose,
    Status failOn,
    Clock clock,
    java.util.function.Supplier<dev.mailcheck.dns.TrustAnchors> dnssecAnchors) {

  /**
   * The deadline of one network step ({@code --timeout}): a DNS query to one server, a connect, an
   * SMTP reply, a TLS handshake. Kept once, in {@link #dns()}; checks and probes get it from here.
   */
  public Duration timeout() {
    return dns.timeout();
  }
}
