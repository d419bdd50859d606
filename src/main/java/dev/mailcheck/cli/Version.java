package dev.mailcheck.cli;

import picocli.CommandLine.IVersionProvider;

/** picocli's view of {@link BuildVersion}: {@code mailcheck VERSION}. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {Main.versionLine()};
  }
}
