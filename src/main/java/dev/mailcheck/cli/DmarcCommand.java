package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck dmarc}: not built yet. */
@Command(name = "dmarc", description = "(not yet available)", hidden = true)
final class DmarcCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'dmarc' is not available yet");
  }
}
