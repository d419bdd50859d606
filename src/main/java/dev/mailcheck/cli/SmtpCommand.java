package dev.mailcheck.cli;

import picocli.CommandLine.Command;

/** {@code mailcheck smtp}: not built yet. */
@Command(name = "smtp", description = "(not yet available)", hidden = true)
final class SmtpCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new dev.mailcheck.internal.CouldNotRunException("'smtp' is not available yet");
  }
}
