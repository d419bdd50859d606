package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Colour is on only for a terminal, without --no-color, NO_COLOR (non-empty) or TERM=dumb. */
class ColorDecisionTest {

  @ParameterizedTest(name = "--no-color={0} NO_COLOR={1} TERM={2} tty={3} -> {4}")
  @CsvSource(
      nullValues = "unset",
      textBlock =
          """
          false, unset, xterm, true,  true
          false, unset, unset, true,  true
          true,  unset, xterm, true,  false
          false, 1,     xterm, true,  false
          false, '',    xterm, true,  true
          false, unset, dumb,  true,  false
          false, unset, xterm, false, false
          true,  1,     dumb,  false, false
          """)
  void decision(
      boolean noColorOption, String noColorEnv, String term, boolean tty, boolean expected) {
    Map<String, String> env = new HashMap<>();
    if (noColorEnv != null) env.put("NO_COLOR", noColorEnv);
    if (term != null) env.put("TERM", term);
    assertThat(Terminal.useColor(noColorOption, env, tty)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          'help',                 true
          '--no-color help',      false
          'help --no-color',      false
          """)
  void theOptionReachesTheRunContextBeforeOrAfterTheCommand(String args, boolean expected) {
    MailcheckCommand root = parse(args.split(" "));
    assertThat(root.global.toContext(Map.of("TERM", "xterm"), true).color()).isEqualTo(expected);
    assertThat(root.global.toContext(Map.of("NO_COLOR", "1"), true).color()).isFalse();
    assertThat(root.global.toContext(Map.of(), false).color()).isFalse();
  }

  private static MailcheckCommand parse(String... args) {
    CommandLine cl =
        CommandLines.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    cl.parseArgs(args);
    return (MailcheckCommand) cl.getCommand();
  }
}
