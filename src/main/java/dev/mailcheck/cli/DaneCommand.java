package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.dane.DaneCheck;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InputException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck dane HOST[:PORT] | DOMAIN}: TLSA records against what the servers present. */
@Command(
    name = "dane",
    description = {
      "Check DANE (TLSA records) of an SMTP host or of every MX of a domain.",
      "Looks up TLSA at _PORT._tcp.HOST, validates it with DNSSEC, checks usage, selector and matching type, and matches every record against the certificate chain each address presents (port 25 and 587 with STARTTLS, 465 with implicit TLS). A name without a port is a domain when it has MX records (every MX host is checked), otherwise a host on port 25."
    })
final class DaneCommand extends BaseCommand {
  @picocli.CommandLine.Mixin PrivateAddressOption privateAddresses = new PrivateAddressOption();

  @Parameters(
      index = "0",
      paramLabel = "HOST[:PORT]|DOMAIN",
      description = "e.g. example.com, mx.example.com, mx.example.com:587.")
  String target;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description =
          "Validate certificates (PKIX, shown) against these CAs instead of the system store.")
  java.nio.file.Path caFile;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    HostPort hp = ProbeRequests.target(target, 25);
    refuseIpLiteral(hp.host(), "; DANE needs a host name (TLSA records live at _PORT._tcp.HOST)");
    String host = DomainNames.normalize(hp.host());
    boolean portGiven = target.strip().matches(".*:\\d+$") && !target.strip().startsWith("[");
    DaneCheck.Query query =
        portGiven ? DaneCheck.Query.host(host, hp.port()) : DaneCheck.Query.name(host);
    if (portGiven && hp.port() != 25 && hp.port() != 465 && hp.port() != 587)
      throw new InputException("dane checks SMTP ports 25, 465 and 587, not " + hp.port());
    var cas = caFile == null ? List.<java.security.cert.X509Certificate>of() : CaFile.read(caFile);
    dev.mailcheck.smtp.TlsWarmup.start();
    return runWithDns(
        ctx,
        settings(ctx).withTrustAnchors(cas).withAllowPrivate(privateAddresses.allowPrivate),
        checks ->
            report(
                "dane",
                portGiven ? host + ":" + hp.port() : host,
                Checks.DANE.run(query, checks).join()));
  }
}
