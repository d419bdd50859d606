package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import java.net.InetAddress;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailcheck ptr IP}: reverse DNS of an address and whether it is forward-confirmed. */
@Command(
    name = "ptr",
    description = {
      "Check the reverse DNS (PTR) of an IP address.",
      "Shows the PTR names of IP and whether each resolves back to it (forward-confirmed reverse"
          + " DNS), and flags generic ISP pool names. The unspecified address (0.0.0.0, ::),"
          + " multicast addresses and the broadcast address 255.255.255.255 are refused (exit 2):"
          + " no mail server sends from them."
    })
final class PtrCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "IP", description = "An IPv4 or IPv6 address.")
  String ip;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    InetAddress address =
        InetAddresses.parse(ip)
            .orElseThrow(
                () ->
                    new InputException(
                        "'" + DomainNames.printable(ip) + "' is not an IPv4 or IPv6 address"));
    Hosts.requireHostAddress(address, ip, "give the address a mail server sends from");
    PtrCheck.Query query = new PtrCheck.Query(address, Optional.empty());
    return runWithDns(
        ctx,
        settings(ctx),
        checks ->
            report("ptr", InetAddresses.format(address), Checks.PTR.run(query, checks).join()));
  }
}
