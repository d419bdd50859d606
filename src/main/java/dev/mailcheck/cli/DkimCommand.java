package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck dkim}: not built yet. */
@Command(name = "dkim", description = "(not yet available)", hidden = true)
final class DkimCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'dkim' is not available yet");
  }
}
