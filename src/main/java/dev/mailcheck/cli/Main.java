package dev.mailcheck.cli;

import dev.mailcheck.report.ExitCode;
import java.io.PrintWriter;

/**
 * Entry point: runs the command line and exits with its code, once. Start-up: this class touches
 * nothing but the JDK until it knows the run is more than {@code --version}; the command model is
 * in {@link CommandLines}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (versionOnly(args)) {
      // Returns instead of System.exit, whose exit logging (JDK 21+) loads a dozen logger classes
      // into the shortest run there is; the exit code is 0 either way.
      System.out.println(versionLine());
      return;
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs mailcheck in-process; tests call this and read out and err separately. {@code --version}
   * alone prints what picocli prints for the root's version provider, without building any model
   * (MainVersionTest).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (versionOnly(args)) {
      out.println(versionLine());
      out.flush();
      return ExitCode.OK;
    }
    return CommandLines.run(args, out, err);
  }

  private static boolean versionOnly(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * The line {@link Version#getVersion} gives picocli. {@code concat}, not {@code +}: string
   * concatenation bootstraps through method handles on first use, a few ms of a --version run.
   */
  static String versionLine() {
    return "mailcheck ".concat(BuildVersion.current());
  }
}
