package dev.mailcheck.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command: global options and the list of subcommands. The list is {@link #SUBCOMMANDS},
 * not the annotation's {@code subcommands}: picocli builds the model of every listed subcommand by
 * reflection at start, and a run needs only the one it names ({@link Main#run}).
 */
@Command(
    name = "mailcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Email deliverability diagnostics: MX, PTR, SPF, DKIM, DMARC, SMTP/TLS, MTA-STS, DANE, blocklists.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the --fail-on level (default: fail)",
      "1:a finding at or above the --fail-on level",
      "2:usage or input error (bad option, domain, port, unreadable file)",
      "3:the check could not run (resolver unreachable, every server timed out)"
    })
public final class MailcheckCommand implements Runnable {
  /** The subcommands in the order of {@code mailcheck --help}. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          DomainCommand.class,
          MxCommand.class,
          PtrCommand.class,
          SpfCommand.class,
          DkimCommand.class,
          DmarcCommand.class,
          SmtpCommand.class,
          PortsCommand.class,
          DnssecCommand.class,
          DaneCommand.class,
          BlocklistCommand.class,
          MtaStsCommand.class,
          BimiCommand.class,
          PostfixCommand.class,
          MessageCommand.class,
          SendCommand.class,
          ProvidersCommand.class,
          HelpCommand.class);

  @Mixin GlobalOptions global = new GlobalOptions();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a command is required (see mailcheck --help)");
  }
}
