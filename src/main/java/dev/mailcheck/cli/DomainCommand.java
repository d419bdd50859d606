package dev.mailcheck.cli;

import dev.mailcheck.checks.blocklist.Blocklist;
import dev.mailcheck.checks.domain.DomainCheck;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import dev.mailcheck.smtp.TlsWarmup;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck domain DOMAIN}: every check, in parallel, into one scored report. */
@Command(
    name = "domain",
    description = {
      "Check everything about a mail domain at once, with a score.",
      "MX hosts and their addresses, reverse DNS, SMTP and STARTTLS on port 25 of every MX"
          + " address, SPF, DKIM keys and DMARC, transport security (MTA-STS, TLS-RPT, DNSSEC,"
          + " DANE), and the MX addresses, --ip senders and the domain on DNS blocklists, scored"
          + " 0-100 with a grade from A+ to F (see docs/scoring.md for the rubric)."
    })
final class DomainCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The mail domain to check.")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      paramLabel = "S",
      converter = Converters.DkimSelector.class,
      description =
          "A DKIM selector to check (repeatable); others are guessed from the MX/SPF providers and common names.")
  List<String> selectors = new ArrayList<>();

  @Option(
      names = "--no-smtp",
      description = "Skip the SMTP probes of the MX addresses (where outbound port 25 is blocked).")
  boolean noSmtp;

  @Mixin PrivateMxOption privateAddresses = new PrivateMxOption();

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description =
          "Validate MX certificates against these CAs (PEM bundle) instead of the"
              + " system store (private CAs, labs).")
  Path caFile;

  @Option(
      names = "--ip",
      paramLabel = "ADDR",
      description =
          "A sending address of the domain (repeatable): looked up on the blocklists next to the MX addresses.")
  List<String> senders = new ArrayList<>();

  @Option(names = "--no-blocklist", description = "Skip the DNS blocklist lookups.")
  boolean noBlocklist;

  @picocli.CommandLine.Mixin BlocklistOptions lists = new BlocklistOptions();

  @Option(
      names = "--no-transport",
      hidden = true,
      description = "Skip MTA-STS, TLS-RPT, CAA and BIMI (to measure what they add).")
  boolean noTransport;

  @Option(
      names = "--smtp-port",
      hidden = true,
      defaultValue = "25",
      description = "Probe this port instead of 25 (labs and tests).")
  int smtpPort;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = domainName(domain);
    if (smtpPort < 1 || smtpPort > 65535)
      throw new InputException("--smtp-port must be 1-65535, not " + smtpPort);
    List<X509Certificate> anchors = caFile == null ? List.of() : CaFile.read(caFile);
    List<InetAddress> ips = new ArrayList<>();
    for (String ip : senders) {
      var a =
          InetAddresses.parse(ip)
              .orElseThrow(
                  () -> new InputException("--ip " + ip + ": not an IPv4 or IPv6 address"));
      if (!ips.contains(a)) ips.add(a);
    }
    if (noBlocklist && (!ips.isEmpty() || !lists.lists.isEmpty() || lists.listsFile != null))
      throw new InputException("--no-blocklist contradicts --ip, --list and --lists-file");
    var blocklists = noBlocklist ? List.<Blocklist>of() : lists.resolve();
    // the TLS set-up overlaps the DNS checks (probes, and the HTTPS fetches of MTA-STS and BIMI)
    TlsWarmup.start();
    return runWithDns(
        ctx,
        settings(ctx).withAllowPrivate(privateAddresses.allowPrivate).withTrustAnchors(anchors),
        checks -> {
          DomainCheck.Result r =
              new DomainCheck(checks)
                  .run(
                      new DomainCheck.Options(
                          target, selectors, !noSmtp, smtpPort, blocklists, ips, !noTransport))
                  .join();
          return new Report("domain", target, r.findings(), r.views())
              .withScore(r.score())
              .withTranscript(r.transcript());
        });
  }
}
