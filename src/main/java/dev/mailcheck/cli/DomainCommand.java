package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck domain}: not built yet. */
@Command(name = "domain", description = "(not yet available)", hidden = true)
final class DomainCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'domain' is not available yet");
  }
}
