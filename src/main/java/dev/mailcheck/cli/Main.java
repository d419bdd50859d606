package dev.mailcheck.cli;

import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Entry point: runs the command line and exits with its code, once. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs mailcheck in-process; tests call this and read out and err separately. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    MailcheckCommand root = new MailcheckCommand();
    CommandLine cl = new CommandLine(root);
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
    cl.getSubcommands().values().forEach(Main::addHelpOption);
  }
}
