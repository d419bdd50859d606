package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every documented exit code that can be produced without a network, with stdout, stderr and the
 * code checked apart. Errors are one line on stderr (plus the "Try" hint for usage errors), never a
 * stack trace, and nothing on stdout.
 */
class MainExitCodeTest {

  @Test
  void helpListsEveryExitCode() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Usage: mailcheck")
        .contains("Exit codes:")
        .containsPattern("(?m)^\\s+0\\s+nothing at or above the --fail-on level")
        .containsPattern("(?m)^\\s+1\\s+a finding at or above the --fail-on level")
        .containsPattern("(?m)^\\s+2\\s+usage or input error")
        .containsPattern("(?m)^\\s+3\\s+the check could not run");
    assertThat(r.out())
        .contains("--resolver", "--timeout", "--json", "--no-color", "--fail-on", "--verbose");
  }

  @Test
  void versionPrintsOneLine() {
    CliRun r = CliRun.of("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).matches("mailcheck \\S+\\R");
    assertThat(r.out().trim()).isEqualTo("mailcheck " + BuildVersion.current());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          --bogus                              | Unknown option: '--bogus'
          nosuchcommand                        | Unmatched argument at index 0: 'nosuchcommand'
          --timeout 5x help                    | '5x' is not a duration
          --timeout 0 help                     | timeout must be positive
          --timeout 11m help                   | timeout over 10 minutes
          --timeout -1s help                   | '-1s' is not a duration
          --fail-on sometimes help             | 'sometimes' is not warn or fail
          --resolver 127.0.0.1:99999 help      | port must be a number from 1 to 65535
          --resolver [::1 help                 | missing ']'
          --resolver 127.0.0.1:dns help        | port must be a number from 1 to 65535
          --format xml help                    | Invalid value for option '--format'
          --timeout                            | Missing required parameter for option '--timeout'
          """)
  void usageErrorsExitTwoWithOneLineAndAHint(String args, String message) {
    CliRun r = CliRun.of(args.split(" "));
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertOneLineThenHint(r.err(), "mailcheck");
    assertThat(r.err()).contains(message);
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun r = CliRun.of();
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertOneLineThenHint(r.err(), "mailcheck");
    assertThat(r.err()).contains("a command is required");
  }

  /** The hint after a usage error in a subcommand names that subcommand's --help, and it works. */
  @Test
  void everySubcommandHasAWorkingHelpHint() {
    CommandLine cl =
        CommandLines.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    for (String name : cl.getSubcommands().keySet()) {
      if (name.equals("help")) continue;
      CliRun bad = CliRun.of(name, "--no-such-option");
      assertThat(bad.exitCode()).as(name).isEqualTo(ExitCode.USAGE);
      assertThat(bad.out()).as(name).isEmpty();
      assertOneLineThenHint(bad.err(), "mailcheck " + name);
      // picocli names the first problem: the unknown option, or a missing positional before it
      assertThat(bad.err())
          .containsAnyOf("Unknown option: '--no-such-option'", "Missing required parameter");

      CliRun help = CliRun.of(name, "--help");
      assertThat(help.exitCode()).as(name + " --help; stderr: %s", help.err()).isZero();
      assertThat(help.out()).as(name).contains("Usage: mailcheck " + name);
      assertThat(help.err()).as(name).isEmpty();
    }
  }

  @Test
  void couldNotRunExitsThreeWithOneLine() {
    Run r =
        run(
            new Throwing(new CouldNotRunException("no DNS server answered (127.0.0.1:53)")),
            "boom");
    assertThat(r.code).isEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(r.out).isEmpty();
    assertThat(lines(r.err)).containsExactly("mailcheck: no DNS server answered (127.0.0.1:53)");
  }

  @Test
  void couldNotRunWithDebugAddsTheStackTrace() {
    Run r =
        run(new Throwing(new CouldNotRunException("no DNS server answered")), "--debug", "boom");
    assertThat(r.code).isEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(lines(r.err).get(0)).isEqualTo("mailcheck: no DNS server answered");
    assertThat(r.err).contains("\tat ");
  }

  @Test
  void inputExceptionExitsTwoWithOneLine() {
    Run r = run(new Throwing(new InputException("'exa mple.com' is not a domain name")), "boom");
    assertThat(r.code).isEqualTo(ExitCode.USAGE);
    assertThat(r.out).isEmpty();
    assertThat(lines(r.err)).containsExactly("mailcheck: 'exa mple.com' is not a domain name");
  }

  @Test
  void internalErrorExitsThreeWithoutStackTraceUnlessDebug() {
    Run r = run(new Throwing(new IllegalStateException("bug")), "boom");
    assertThat(r.code).isEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(lines(r.err)).hasSize(1);
    assertThat(r.err)
        .startsWith("mailcheck: internal error:")
        .contains("bug")
        .contains("--debug")
        .doesNotContain("\tat ");

    Run d = run(new Throwing(new IllegalStateException("bug")), "--debug", "boom");
    assertThat(d.code).isEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(d.err).contains("\tat ");
  }

  @Test
  void aCommandsOwnExitCodeIsPassedThrough() {
    assertThat(run(() -> ExitCode.FINDINGS, "boom").code).isEqualTo(ExitCode.FINDINGS);
    assertThat(run(() -> ExitCode.OK, "boom").code).isEqualTo(ExitCode.OK);
  }

  /** Every registered command that is not yet built says so on one line and exits 3. */
  @Test
  void stubCommandsCannotRun() {
    StringWriter out = new StringWriter();
    CommandLine cl =
        CommandLines.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()));
    for (var e : cl.getSubcommands().entrySet()) {
      if (!e.getValue().getCommandSpec().usageMessage().hidden())
        continue; // built commands have their own tests
      CliRun r = CliRun.of(e.getKey());
      assertThat(r.exitCode()).as(e.getKey()).isEqualTo(ExitCode.COULD_NOT_RUN);
      assertThat(lines(r.err()))
          .as(e.getKey())
          .containsExactly("mailcheck: '" + e.getKey() + "' is not available yet");
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void assertOneLineThenHint(String err, String command) {
    List<String> lines = lines(err);
    assertThat(lines).as("stderr:\n%s", err).hasSize(2);
    assertThat(lines.get(0)).startsWith("mailcheck: ");
    assertThat(lines.get(1)).isEqualTo("Try '" + command + " --help' for more information.");
    assertThat(err).doesNotContain("\tat ", "Exception");
  }

  private static List<String> lines(String s) {
    return s.lines().toList();
  }

  private record Run(int code, String out, String err) {}

  /** Runs the real command line with one extra test command, {@code boom}. */
  private static Run run(Callable<Integer> body, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    CommandLine cl = CommandLines.commandLine(o, e);
    cl.addSubcommand("boom", new Boom(body));
    cl.setOut(o); // picocli hands writers only to subcommands registered before setOut/setErr
    cl.setErr(e);
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final Callable<Integer> body;

    Boom(Callable<Integer> body) {
      this.body = body;
    }

    @Override
    public Integer call() throws Exception {
      return body.call();
    }
  }

  private record Throwing(RuntimeException ex) implements Callable<Integer> {
    @Override
    public Integer call() {
      throw ex;
    }
  }
}
