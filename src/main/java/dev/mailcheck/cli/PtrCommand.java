package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck ptr}: not built yet. */
@Command(name = "ptr", description = "(not yet available)", hidden = true)
final class PtrCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'ptr' is not available yet");
  }
}
