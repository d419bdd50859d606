package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck mx}: not built yet. */
@Command(name = "mx", description = "(not yet available)", hidden = true)
final class MxCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'mx' is not available yet");
  }
}
