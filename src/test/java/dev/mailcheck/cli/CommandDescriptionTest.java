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
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
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
}
