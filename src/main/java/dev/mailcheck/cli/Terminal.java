package dev.mailcheck.cli;

import java.io.Console;

/** Whether standard output is an interactive terminal (colour, prompts). */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) return false;
    // Since JDK 22 System.console() is non-null when redirected; isTerminal() tells the truth.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
