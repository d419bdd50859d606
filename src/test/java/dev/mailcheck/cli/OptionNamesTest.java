package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.internal.Switches;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option names findings point users to are options some command really has. */
class OptionNamesTest {
  @Test
  void everySwitchTheCoreMayNameIsARealOption() throws Exception {
    Set<String> options = new TreeSet<>();
    var sink = new PrintWriter(new StringWriter());
    Deque<CommandLine> todo = new ArrayDeque<>();
    todo.add(CommandLines.commandLine(sink, sink));
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      c.getCommandSpec().options().forEach(o -> options.addAll(java.util.List.of(o.names())));
      todo.addAll(c.getSubcommands().values());
    }
    Pattern flag = Pattern.compile("--[a-z][a-z-]+");
    int seen = 0;
    for (RecordComponent rc : Switches.class.getRecordComponents()) {
      String spelled = (String) rc.getAccessor().invoke(OptionNames.SWITCHES);
      Matcher m = flag.matcher(spelled);
      assertThat(m.find()).as(rc.getName() + " names an option: " + spelled).isTrue();
      assertThat(options).as(rc.getName()).contains(m.group());
      seen++;
    }
    assertThat(seen).isEqualTo(Switches.class.getRecordComponents().length).isGreaterThan(5);
  }
}
