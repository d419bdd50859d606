package dev.mailcheck.dns;

import dev.mailcheck.internal.Switches;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the run's resolver talks to DNS.
 *
 * @param servers the recursive servers to ask, in order; empty means the system's configuration
 * @param timeout the deadline of one query to one server ({@code --timeout})
 * @param retries how many more times a query is sent to a server after a timeout
 * @param recordTo {@code --dns-record}: write every answer of the run to this JSON file
 * @param replayFrom {@code --dns-replay}: answer from this JSON file, never touch the network
 * @param switches how messages name the switch that picks a resolver
 */
public record DnsSettings(
    List<InetSocketAddress> servers,
    Duration timeout,
    int retries,
    Optional<Path> recordTo,
    Optional<Path> replayFrom,
    Switches switches) {
  public DnsSettings {
    Objects.requireNonNull(switches);
    servers = List.copyOf(servers);
    Objects.requireNonNull(timeout);
    if (timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("timeout must be positive");
    if (retries < 0) throw new IllegalArgumentException("negative retries");
  }

  public DnsSettings(
      List<InetSocketAddress> servers,
      Duration timeout,
      int retries,
      Optional<Path> recordTo,
      Optional<Path> replayFrom) {
    this(servers, timeout, retries, recordTo, replayFrom, Switches.WORDS);
  }

  public static DnsSettings of(List<InetSocketAddress> servers, Duration timeout) {
    return new DnsSettings(servers, timeout, 1, Optional.empty(), Optional.empty());
  }
}
