package dev.mailcheck.cli;

import picocli.CommandLine.Option;

/**
 * {@code --allow-private} of the commands that check a domain's MX hosts ({@code domain}, {@code
 * mx}): the flag behind the core's "private addresses may be contacted and count as reachable"
 * setting. {@link PrivateAddressOption} is the same flag for {@code smtp} and {@code ports}, which
 * connect to a host the user named.
 */
final class PrivateMxOption {
  @Option(
      names = "--allow-private",
      description =
          "Accept MX addresses in loopback/private/reserved ranges (labs, internal mail).")
  boolean allowPrivate;
}
