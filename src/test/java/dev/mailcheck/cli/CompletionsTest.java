package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The committed completion scripts match the current command model. When a command or option is
 * added, this fails until the scripts are regenerated:
 *
 * <pre>scripts/gen-completions.sh</pre>
 *
 * or {@code ./run-tests -Dtest=CompletionsTest -Dmailcheck.regenerate=true} (that run reports the
 * test as skipped, never passed).
 */
class CompletionsTest {
  private static final String HOW =
      "completions are stale: run scripts/gen-completions.sh and commit completions/";

  @Test
  void committedScriptsMatchTheModel() throws IOException {
    Path dir = ProjectPaths.basedir().resolve("completions");
    if (Boolean.getBoolean("mailcheck.regenerate")) {
      CompletionGenerator.write(dir);
      Assumptions.abort("rewrote " + dir + "; review the diff and commit it");
    }
    assertThat(dir.resolve(CompletionGenerator.BASH)).as(HOW).exists();
    assertThat(Files.readString(dir.resolve(CompletionGenerator.BASH), StandardCharsets.UTF_8))
        .as(HOW)
        .isEqualTo(CompletionGenerator.bash());
    assertThat(Files.readString(dir.resolve(CompletionGenerator.ZSH), StandardCharsets.UTF_8))
        .as(HOW)
        .isEqualTo(CompletionGenerator.zsh());
  }

  /** Every visible command and every global option is offered, whatever commands exist by then. */
  @Test
  void scriptOffersEveryVisibleCommandAndGlobalOption() {
    String bash = CompletionGenerator.bash();
    CommandLine cl =
        CommandLines.commandLine(
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(new java.io.StringWriter()));
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) assertThat(bash).contains(name);
            });
    assertThat(bash)
        .contains(
            "--resolver",
            "--timeout",
            "--format",
            "--json",
            "--no-color",
            "--fail-on",
            "--dns-record",
            "--dns-replay");
    assertThat(bash).doesNotContain("--debug"); // hidden
  }
}
