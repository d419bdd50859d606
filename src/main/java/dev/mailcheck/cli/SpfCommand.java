package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck spf}: not built yet. */
@Command(name = "spf", description = "(not yet available)", hidden = true)
final class SpfCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'spf' is not available yet");
  }
}
