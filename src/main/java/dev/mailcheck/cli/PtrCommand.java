package dev.mailcheck.cli;

import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.ptr.PtrSection;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailcheck ptr IP}: reverse DNS of an address and whether it is forward-confirmed. */
@Command(
    name = "ptr",
    description = {
      "Show the PTR names of IP and whether each resolves back to it (forward-confirmed",
      "reverse DNS); flag generic ISP pool names."
    })
final class PtrCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "IP", description = "An IPv4 or IPv6 address.")
  String ip;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    InetAddress address =
        InetAddresses.parse(ip).orElseThrow(() -> new InputException("'" + ip + "' is not an IPv4 or IPv6 address"));
    return runWithDns(ctx, dns -> {
      PtrCheck.Result result = new PtrCheck(dns.client()).run(address, Optional.empty()).join();
      return new Report("ptr", InetAddresses.format(address), result.findings(), List.of(new PtrSection(List.of(result.entry()))));
    });
  }
}
