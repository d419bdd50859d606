package dev.mailcheck.cli;

import picocli.CommandLine.Option;

/**
 * {@code --allow-private} for the commands that connect to a host named by the user: without it, a
 * name that resolves only to loopback, private or reserved addresses is not contacted (a DNS answer
 * alone must not steer mailcheck to internal hosts). IP literals are always contacted.
 */
final class PrivateAddressOption {
  @Option(
      names = "--allow-private",
      description =
          "Contact a name's addresses in loopback/private/reserved ranges (labs, internal mail); IP literals are always contacted.")
  boolean allowPrivate;
}
