package dev.mailcheck.checks.dnssec;

import dev.mailcheck.dns.Validation;
import java.util.List;
import java.util.Objects;

/**
 * What the DNSSEC check validated.
 *
 * @param domain the domain's MX answer
 * @param hosts each MX host's A answer (for an implicit MX, the domain itself), lowest preference
 *     first
 * @param anchors where validation started, in words
 */
public record DnssecFacts(String domainName, Validation domain, List<Host> hosts, String anchors) {
  public DnssecFacts {
    Objects.requireNonNull(domain);
    hosts = List.copyOf(hosts);
  }

  public record Host(String name, Validation validation) {}
}
