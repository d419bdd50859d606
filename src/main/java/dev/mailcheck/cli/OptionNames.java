package dev.mailcheck.cli;

import dev.mailcheck.internal.Switches;

/** The CLI's spelling of the switches that findings and messages of the core point to. */
final class OptionNames {
  private OptionNames() {}

  static final Switches SWITCHES =
      new Switches(
          "--allow-private",
          "--insecure",
          "--allow-plaintext-auth",
          "a longer --timeout",
          "--resolver",
          "--selector NAME",
          "--lists-file",
          "--no-smtp",
          "--tls",
          "--profile bulk-sender",
          "--server",
          "--auth",
          "--starttls",
          "--ca-file");
}
