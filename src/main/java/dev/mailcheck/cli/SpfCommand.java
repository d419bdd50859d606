package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.spf.SpfCheck;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import java.net.InetAddress;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mailcheck spf DOMAIN}: audit the published SPF policy (record, syntax, the include tree
 * with its lookup cost). With {@code --ip}: evaluate {@code check_host()} for that client (RFC 7208
 * §4).
 */
@Command(
    name = "spf",
    customSynopsis = {
      "mailcheck spf [OPTIONS] DOMAIN",
      "mailcheck spf [OPTIONS] DOMAIN --ip ADDRESS [--sender ADDRESS] [--helo NAME]"
    },
    description = {
      "Audit a domain's SPF policy, or evaluate it for a client address.",
      "Checks the record, syntax, lookups over the whole include tree, void lookups and 'all'."
          + " With --ip, evaluates it for a client address as a receiver would (RFC 7208"
          + " check_host)."
    })
final class SpfCommand extends BaseCommand {
  // arity 0..1 and a check in call(): picocli reports a missing positional before an unknown
  // option, and the unknown option is the more useful message.
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DOMAIN",
      description = "The domain whose SPF policy to check.")
  String domain;

  @Option(
      names = "--ip",
      paramLabel = "ADDRESS",
      description = "Evaluate for this client IPv4 or IPv6 address.")
  String ip;

  @Option(
      names = "--sender",
      paramLabel = "ADDRESS",
      description =
          "MAIL FROM address for the evaluation (default: postmaster@DOMAIN, RFC 7208 §2.4); a"
              + " domain alone means postmaster@ that domain.")
  String sender;

  @Option(
      names = "--helo",
      paramLabel = "NAME",
      description = "HELO/EHLO name for the %%{h} macro (default: DOMAIN).")
  String helo;

  @Override
  public Integer call() throws Exception {
    if (domain == null)
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DOMAIN'");
    RunContext ctx = context();
    String name = domainName(domain);
    if (ip == null && (sender != null || helo != null)) {
      throw new InputException(
          "--sender and --helo need --ip (they only matter when evaluating for a client)");
    }
    InetAddress addr =
        ip == null
            ? null
            : InetAddresses.parse(ip)
                .orElseThrow(
                    () -> new InputException("'" + ip + "' is not an IPv4 or IPv6 address"));
    if (helo != null
        && (helo.isBlank()
            || helo.length() > 255
            || helo.chars().anyMatch(c -> c <= 0x20 || c == 0x7f))) {
      throw new InputException(
          "'"
              + helo.replaceAll("\\p{Cntrl}", "?")
              + "' is not a HELO name (a host name or an address literal, no spaces)");
    }
    String from = sender == null ? null : senderAddress(sender);
    var query =
        new SpfCheck.Query(
            name, Optional.ofNullable(addr), Optional.ofNullable(from), Optional.ofNullable(helo));
    return runWithDns(
        ctx, settings(ctx), checks -> report("spf", name, Checks.SPF.run(query, checks).join()));
  }

  /**
   * The MAIL FROM address to evaluate for. A sender without '@' is a domain without a local part:
   * {@code postmaster@} that domain (RFC 7208 §4.3), as for {@code @domain}.
   */
  static String senderAddress(String sender) {
    if (sender.indexOf('@') >= 0 && !sender.endsWith("@")) return sender;
    if (sender.indexOf('@') < 0 && DomainNames.problem(sender).isEmpty()) {
      return "postmaster@" + DomainNames.normalize(sender);
    }
    throw new InputException(
        "'"
            + sender
            + "' is not a sender address (user@domain, or a domain for postmaster@domain)");
  }

  /** A-labels, lower case, no trailing dot; SPF needs a multi-label name (RFC 7208 §4.3). */
  static String domainName(String input) {
    refuseIpLiteral(
        input,
        "; to evaluate SPF for a client address: mailcheck spf DOMAIN --ip " + input.strip());
    Hosts.refuseMalformedAddress(input);
    String name = DomainNames.normalizeDnsName(input);
    if (!name.contains(".")) {
      throw new InputException(
          "'"
              + input
              + "' is not a valid domain name: SPF needs a fully qualified name such as example.com");
    }
    return name;
  }
}
