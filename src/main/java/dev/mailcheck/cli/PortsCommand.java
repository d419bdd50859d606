package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck ports}: not built yet. */
@Command(name = "ports", description = "(not yet available)", hidden = true)
final class PortsCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'ports' is not available yet");
  }
}
