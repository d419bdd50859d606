package dev.mailcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Shell completion scripts generated from the picocli command model, so they never drift from the
 * options: {@code completions/mailcheck.bash} (bash) and {@code completions/_mailcheck} (zsh, which
 * loads the same functions through bashcompinit). {@link CompletionsTest} fails when the committed
 * files differ from what the current model produces; regenerate with {@code
 * scripts/gen-completions.sh} (or {@code ./run-tests -Dtest=CompletionsTest
 * -Dmailcheck.regenerate=true}).
 */
public final class CompletionGenerator {
  static final String BASH = "mailcheck.bash";
  static final String ZSH = "_mailcheck";

  private CompletionGenerator() {}

  /** Writes both scripts into the folder given as the only argument (default: completions). */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "completions"));
  }

  static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(BASH), bash(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ZSH), zsh(), StandardCharsets.UTF_8);
  }

  static String bash() {
    CommandLine cl =
        CommandLines.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    return AutoComplete.bash("mailcheck", cl);
  }

  static String zsh() {
    return """
        #compdef mailcheck
        # zsh completion for mailcheck: the bash completion that picocli generates from the command
        # model, run by zsh's bashcompinit. Either source this file from ~/.zshrc, or put it in a
        # folder on $fpath (before compinit runs). Regenerate with scripts/gen-completions.sh.

        (( $+functions[compdef] )) || { autoload -U +X compinit && compinit }
        (( $+functions[complete] )) || { autoload -U +X bashcompinit && bashcompinit }
        # bash's compopt has no zsh counterpart; the script only uses it for cosmetics.
        (( $+functions[compopt] || $+commands[compopt] )) || compopt() { return 0 }

        """
        + bash()
        + """

        # Loaded from $fpath as the function _mailcheck: the first call lands here; complete now too.
        if [[ $funcstack[1] == _mailcheck ]]; then
          _bash_complete -F _complete_mailcheck mailcheck
        fi
        """;
  }
}
