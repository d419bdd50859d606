package dev.mailcheck.cli;

import dev.mailcheck.checks.domain.DomainCheck;
import dev.mailcheck.report.Report;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck domain DOMAIN}: every check, in parallel, into one scored report. */
@Command(
    name = "domain",
    description = {
      "Check everything about a mail domain at once, with a score.",
      "MX and their addresses, reverse DNS, SMTP/STARTTLS on port 25 of every MX address,",
      "SPF, DKIM keys and DMARC, the MX addresses, --ip senders and the domain on DNS",
      "blocklists, scored 0-100 with a grade A+ to F.",
      "See docs/scoring.md for the rubric."
    })
final class DomainCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The mail domain to check.")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      paramLabel = "S",
      description =
          "A DKIM selector to check (repeatable); others are guessed from the MX/SPF providers and common names.")
  List<String> selectors = new ArrayList<>();

  @Option(
      names = "--no-smtp",
      description =
          "Skip the SMTP probes of the MX addresses (e.g. where outbound port 25 is blocked).")
  boolean noSmtp;

  @Option(
      names = "--allow-private",
      description =
          "Accept MX addresses in loopback/private/reserved ranges (labs, internal mail).")
  boolean allowPrivate;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description =
          "Validate MX certificates against these CAs (PEM bundle) instead of the system store (private CAs, labs).")
  java.nio.file.Path caFile;

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
      throw new dev.mailcheck.internal.InputException(
          "--smtp-port must be 1-65535, not " + smtpPort);
    List<String> sels = new ArrayList<>();
    for (String s : selectors) sels.add(DkimCommand.selector(s));
    var anchors =
        caFile == null
            ? List.<java.security.cert.X509Certificate>of()
            : SmtpCommand.readCaFile(caFile);
    List<java.net.InetAddress> ips = new ArrayList<>();
    for (String ip : senders) {
      var a =
          dev.mailcheck.internal.InetAddresses.parse(ip)
              .orElseThrow(
                  () ->
                      new dev.mailcheck.internal.InputException(
                          "--ip " + ip + ": not an IPv4 or IPv6 address"));
      if (!ips.contains(a)) ips.add(a);
    }
    if (noBlocklist && (!ips.isEmpty() || !lists.lists.isEmpty() || lists.listsFile != null))
      throw new dev.mailcheck.internal.InputException(
          "--no-blocklist contradicts --ip, --list and --lists-file");
    var blocklists =
        noBlocklist ? List.<dev.mailcheck.checks.blocklist.Blocklist>of() : lists.resolve();
    // the TLS set-up overlaps the DNS checks (probes, and the HTTPS fetches of MTA-STS and BIMI)
    dev.mailcheck.smtp.TlsWarmup.start();
    return runWithDns(
        ctx,
        settings(ctx).withAllowPrivate(allowPrivate).withTrustAnchors(anchors),
        checks -> {
          DomainCheck.Result r =
              new DomainCheck(checks)
                  .run(
                      new DomainCheck.Options(
                          target, sels, !noSmtp, smtpPort, blocklists, ips, !noTransport))
                  .join();
          return new Report("domain", target, r.findings(), r.views())
              .withScore(r.score())
              .withTranscript(r.transcript());
        });
  }
}
