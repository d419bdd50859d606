package dev.mailcheck.checks.postfix.config;

import java.util.List;
import java.util.Objects;

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
    List<TlsIdentity> identities) {
  public PostfixConfigFacts {
    Objects.requireNonNull(config);
    sources = List.copyOf(sources);
    identities = List.copyOf(identities);
  }
}
