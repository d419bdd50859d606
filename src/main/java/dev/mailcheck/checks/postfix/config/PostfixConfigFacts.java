package dev.mailcheck.checks.postfix.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What was read: the parsed configuration (main.cf and master.cf, or postconf output), the files it
 * came from, and the certificate/key pairs smtpd serves (not read for postconf output: its paths
 * are on another machine).
 */
public record PostfixConfigFacts(
    String directory,
    List<String> sources,
    PostfixConfig config,
    boolean fromPostconf,
    List<TlsIdentity> identities,
    Optional<HostnameDns> hostnameDns,
    Map<String, NetworkTables.Table> networkTables) {
  public PostfixConfigFacts {
    Objects.requireNonNull(config);
    sources = List.copyOf(sources);
    identities = List.copyOf(identities);
    Objects.requireNonNull(hostnameDns);
    networkTables = Collections.unmodifiableMap(new LinkedHashMap<>(networkTables));
  }

  public PostfixConfigFacts(
      String directory,
      List<String> sources,
      PostfixConfig config,
      boolean fromPostconf,
      List<TlsIdentity> identities) {
    this(directory, sources, config, fromPostconf, identities, Optional.empty(), Map.of());
  }

  /** The same files with the DNS lookups of {@code postfix config --dns}. */
  public PostfixConfigFacts withHostnameDns(HostnameDns h) {
    return new PostfixConfigFacts(
        directory, sources, config, fromPostconf, identities, Optional.of(h), networkTables);
  }

  /** The same files with the tables {@code mynetworks} names, as read. */
  PostfixConfigFacts withNetworkTables(Map<String, NetworkTables.Table> tables) {
    return new PostfixConfigFacts(
        directory, sources, config, fromPostconf, identities, hostnameDns, tables);
  }
}
