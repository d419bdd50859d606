package dev.mailcheck.cli;

import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The picocli command model behind {@link Main}: the whole model, or one with only the subcommand
 * the arguments name. Kept out of {@code Main} so that {@code --version} loads no picocli class
 * (the verifier of a class loads the exception types it catches).
 */
final class CommandLines {
  private CommandLines() {}

  /**
   * Runs {@code args} against the smallest model that parses them: only the subcommand they name,
   * since picocli builds each subcommand's model by reflection and a run needs one. When the
   * arguments do not parse against that model (a usage error, or an option value that looked like a
   * command name), the run starts over with the whole model, which gives the answer and the message
   * it always gave.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    Optional<List<Class<?>>> only = subcommandsFor(args);
    if (only.isPresent()) {
      CommandLine cl = commandLine(out, err, only.get());
      try {
        cl.parseArgs(args);
        return cl.execute(args);
      } catch (ParameterException e) {
        // parsed again below against every command; nothing was printed or run
      }
    }
    return commandLine(out, err).execute(args);
  }

  /**
   * The subcommands a run of {@code args} needs: the one named by the first argument that is a
   * subcommand name; none for {@code --version}/{@code -V} without a command. Empty (use all) for
   * help, no arguments, and anything else.
   */
  static Optional<List<Class<?>>> subcommandsFor(String[] args) {
    boolean version = false;
    for (String a : args) {
      if (a.equals("--")) break;
      if (a.equals("-h") || a.equals("--help") || a.equals("help")) return Optional.empty();
      if (a.equals("-V") || a.equals("--version")) version = true;
      if (a.startsWith("-")) continue;
      for (Class<?> c : MailcheckCommand.SUBCOMMANDS) {
        Command command = c.getAnnotation(Command.class);
        if (a.equals(command.name()) || List.of(command.aliases()).contains(a))
          return Optional.of(List.of(c));
      }
    }
    return version ? Optional.of(List.of()) : Optional.empty();
  }

  /** The whole command model: every subcommand (help, completions, usage errors). */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, MailcheckCommand.SUBCOMMANDS);
  }

  private static CommandLine commandLine(
      PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
    MailcheckCommand root = new MailcheckCommand();
    CommandLine cl = new CommandLine(root);
    for (Class<?> c : subcommands) cl.addSubcommand(c);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    addHelpOption(cl);
    cl.setParameterExceptionHandler(
        (ex, argv) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("mailcheck: " + ex.getMessage());
          c.getErr()
              .println(
                  "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          boolean debug = root.global.debug;
          if (ex instanceof InputException) {
            c.getErr().println("mailcheck: " + ex.getMessage());
            return ExitCode.USAGE;
          }
          if (ex instanceof CouldNotRunException) {
            c.getErr().println("mailcheck: " + ex.getMessage());
            if (debug) ex.printStackTrace(c.getErr());
            return ExitCode.COULD_NOT_RUN;
          }
          c.getErr()
              .println("mailcheck: internal error: " + ex + " (run with --debug for details)");
          if (debug) ex.printStackTrace(c.getErr());
          return ExitCode.COULD_NOT_RUN;
        });
    return cl;
  }

  /**
   * Gives every subcommand, at any depth, {@code -h}/{@code --help} unless it declares its own, so
   * that the "Try 'mailcheck mx --help'" hint of a usage error always works.
   */
  private static void addHelpOption(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    boolean hasHelp = spec.options().stream().anyMatch(o -> o.usageHelp());
    if (!hasHelp && spec.findOption("--help") == null) {
      OptionSpec.Builder help =
          spec.findOption("-h") == null
              ? OptionSpec.builder("-h", "--help")
              : OptionSpec.builder("--help");
      spec.addOption(help.usageHelp(true).description("Show this help message and exit.").build());
    }
    cl.getSubcommands().values().forEach(CommandLines::addHelpOption);
  }
}
