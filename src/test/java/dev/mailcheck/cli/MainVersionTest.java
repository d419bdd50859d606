package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up shortcuts of {@link Main#run}: {@code --version} without a command model, and a
 * model with only the named subcommand, answer exactly what the whole model answers.
 */
class MainVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void versionPrintsWhatPicocliPrints(String flag) {
    StringWriter fast = new StringWriter();
    StringWriter fastErr = new StringWriter();
    int code = Main.run(new String[] {flag}, new PrintWriter(fast), new PrintWriter(fastErr));
    StringWriter full = new StringWriter();
    int fullCode =
        CommandLines.commandLine(new PrintWriter(full), new PrintWriter(new StringWriter()))
            .execute(flag);
    assertThat(code).isEqualTo(fullCode).isZero();
    assertThat(fast.toString()).isEqualTo(full.toString()).startsWith("mailcheck ");
    assertThat(fastErr.toString()).isEmpty();
  }

  @Test
  void theFirstCommandNameChoosesTheModel() {
    assertThat(CommandLines.subcommandsFor(new String[] {"--timeout", "2s", "spf", "mx"}))
        .contains(java.util.List.of(SpfCommand.class));
    assertThat(CommandLines.subcommandsFor(new String[] {"--version", "--json"}))
        .contains(java.util.List.of());
    assertThat(CommandLines.subcommandsFor(new String[] {"spf", "--help"}))
        .contains(java.util.List.of(SpfCommand.class));
    assertThat(CommandLines.subcommandsFor(new String[] {"--help", "spf"}))
        .isEqualTo(Optional.empty());
    assertThat(CommandLines.subcommandsFor(new String[] {"help", "spf"}))
        .isEqualTo(Optional.empty());
    assertThat(CommandLines.subcommandsFor(new String[] {})).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--resolver mx spf example.com",
        "spf",
        "bogus",
        "mx --no-such-option",
        "spf example.com --bogus",
        "--fail-on mx dmarc example.com"
      })
  void usageErrorsReadAsWithTheWholeModel(String line) {
    String[] args = line.split(" ");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    StringWriter fullOut = new StringWriter();
    StringWriter fullErr = new StringWriter();
    int fullCode =
        CommandLines.commandLine(new PrintWriter(fullOut), new PrintWriter(fullErr)).execute(args);
    assertThat(code).isEqualTo(fullCode).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(fullErr.toString());
    assertThat(out.toString()).isEqualTo(fullOut.toString());
  }
}
