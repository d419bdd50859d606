package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli lists each subcommand in {@code mailcheck --help} with the first element of its
 * description: it must be a whole short sentence, not the start of a longer one.
 */
class CommandDescriptionTest {
  static List<CommandLine> allSubcommands(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>();
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (out.contains(sub)) continue;
      out.add(sub);
      out.addAll(allSubcommands(sub));
    }
    return out;
  }

  @Test
  void everySubcommandsFirstDescriptionLineIsAShortSentence() {
    CommandLine root =
        CommandLines.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<CommandLine> subs = allSubcommands(root);
    assertThat(subs)
        .extracting(CommandLine::getCommandName)
        .contains("domain", "mx", "ptr", "spf", "dkim", "verify", "dmarc", "smtp", "ports");
    for (CommandLine sub : subs) {
      // what picocli lists: the header's first line if there is one (picocli's own help command),
      // else the description's
      var usage = sub.getCommandSpec().usageMessage();
      String[] description = usage.header().length > 0 ? usage.header() : usage.description();
      String name = sub.getCommandSpec().qualifiedName();
      assertThat(description).as(name).isNotEmpty();
      String first = description[0];
      assertThat(first).as(name).endsWith(".").hasSizeLessThanOrEqualTo(70);
      assertThat(first.substring(0, 1)).as(name).isUpperCase();
      assertThat(first.substring(0, first.length() - 1)).as(name).doesNotContain(". ");
    }
  }

  @Test
  void rootHelpListsWholeSentences() {
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Check the MX hosts of a domain and their addresses.")
        .contains("Check the reverse DNS (PTR) of an IP address.")
        .contains("Check the DMARC policy of a domain.")
        .doesNotContain("and check them:")
        .doesNotContain("(forward-confirmed\n")
        .doesNotContain("Public Suffix List,\n");
  }

  /**
   * Issue 11 item 18: picocli starts each description element on a new line and wraps it at 80
   * columns, so an element that is only part of a sentence leaves a short line in mid-sentence
   * ("the certificate chain and name,"). Every element is a whole paragraph, and nothing is wider
   * than 80 columns or breaks an abbreviation ("e." / "g.").
   */
  @Test
  void helpIsWholeParagraphsWithinEightyColumns() {
    CommandLine root =
        CommandLines.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<CommandLine> all = new ArrayList<>(List.of(root));
    all.addAll(allSubcommands(root));
    for (CommandLine cl : all) {
      String name = cl.getCommandSpec().qualifiedName();
      for (String element : cl.getCommandSpec().usageMessage().description()) {
        assertThat(element.replace("%n", " ").strip())
            .as(name + ": description element")
            .matches("(?s).*[.:)]$");
      }
      String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String line : help.lines().toList()) {
        assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80);
        assertThat(line).as(name + ": split abbreviation").doesNotMatch(".*(^|\\s)[a-z]\\.$");
        assertThat(line.strip()).as(name + ": split abbreviation").doesNotMatch("^[a-z]\\. .*");
        assertThat(line).as(name + ": RFC apart from its number").doesNotEndWith(" RFC");
      }
    }
  }
}
