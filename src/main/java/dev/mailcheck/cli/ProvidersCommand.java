package dev.mailcheck.cli;

import dev.mailcheck.checks.send.Providers;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.render.TextRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailcheck providers [NAME]}: the submission presets of {@code send --provider}. */
@Command(
    name = "providers",
    description = {
      "Show the submission settings of the big mailbox providers.",
      "Host, port, TLS mode, AUTH mechanisms and the notes that matter (app passwords, OAuth2,"
          + " SMTP AUTH disabled by default in Microsoft 365), as used by send --provider. Each row"
          + " names the page it was checked against and when (docs/providers.md)."
    })
final class ProvidersCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "One provider (gmail, outlook, office365, yahoo, icloud, fastmail, zoho).")
  String name;

  @Override
  public Integer call() {
    List<Providers.Provider> rows =
        name == null
            ? Providers.ALL
            : List.of(
                Providers.find(name)
                    .orElseThrow(
                        () ->
                            new InputException(
                                "unknown provider '"
                                    + name.replaceAll("\\p{Cntrl}", "?")
                                    + "'; known: "
                                    + String.join(", ", Providers.names()))));
    PrintWriter out = spec.commandLine().getOut();
    for (Providers.Provider p : rows) {
      out.printf(
          "%-10s %s:%d  %s  AUTH %s%n",
          p.name(),
          p.host(),
          p.port(),
          switch (p.tls()) {
            case IMPLICIT -> "implicit TLS";
            case STARTTLS -> "STARTTLS";
            default -> p.tls().name();
          },
          String.join(" ", p.mechanisms()));
      String indent = " ".repeat(11);
      TextRenderer.wrapped(p.notes(), indent, indent).forEach(out::println);
      TextRenderer.wrapped(
              "source: " + p.source() + " (checked " + p.checked() + ")", indent, indent + "  ")
          .forEach(out::println);
    }
    out.flush();
    return 0;
  }
}
