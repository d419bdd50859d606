package dev.mailcheck.cli;

import java.io.Console;
import java.util.Map;

/**
 * Whether standard output is an interactive terminal, and whether to colour the report. The
 * decision takes the environment and the terminal flag as arguments, so that tests can drive it.
 */
final class Terminal {
  private Terminal() {}

  /**
   * Colour only when all hold: no {@code --no-color}; {@code NO_COLOR} unset or empty (as
   * no-color.org defines it); {@code TERM} is not {@code dumb}; and output is a terminal.
   */
  static boolean useColor(boolean noColorOption, Map<String, String> env, boolean interactive) {
    if (noColorOption || !interactive) return false;
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) return false;
    return !"dumb".equals(env.get("TERM"));
  }

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

  /**
   * Whether standard error is a terminal (the progress bar of a many-domain run goes there, also
   * when stdout is redirected to a file). On Linux, where fd 2 points; elsewhere, {@link
   * #isInteractive()}.
   */
  static boolean stderrIsTerminal() {
    try {
      java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
      if (java.nio.file.Files.isSymbolicLink(fd)) {
        String target = java.nio.file.Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | RuntimeException e) {
      // fall through
    }
    return isInteractive();
  }
}
