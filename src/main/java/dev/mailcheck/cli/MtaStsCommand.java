package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.mtasts.MtaStsReport;
import dev.mailcheck.https.SocketHttpsFetcher;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck mta-sts DOMAIN}: the MTA-STS record, policy, MX coverage and TLS-RPT. */
@Command(
    name = "mta-sts",
    description = {
      "Check MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) of a domain.",
      "Reads _mta-sts.DOMAIN, fetches https://mta-sts.DOMAIN/.well-known/mta-sts.txt (no redirects, text/plain, 64 KiB, certificate valid for the name), checks the policy, that every MX matches an mx: pattern and, in mode enforce, that every MX presents a valid certificate on port 25, and reads the _smtp._tls TLS-RPT record."
    })
final class MtaStsCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The mail domain to check.")
  String domain;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description =
          "Validate the policy server's and the MX certificates against these CAs (PEM bundle) instead of the system store.")
  Path caFile;

  @Option(
      names = "--allow-private",
      description =
          "Contact loopback/private/reserved addresses (the policy host, the MX) (labs, internal mail).")
  boolean allowPrivate;

  @Option(
      names = "--no-smtp",
      description = "Do not probe port 25 of the MX (their certificates are then not checked).")
  boolean noSmtp;

  @Option(
      names = "--smtp-port",
      hidden = true,
      defaultValue = "25",
      description = "Probe this port instead of 25 (labs and tests).")
  int smtpPort;

  @Option(
      names = "--https-port",
      hidden = true,
      defaultValue = "443",
      description = "Fetch the policy from this port instead of 443 (labs and tests).")
  int httpsPort;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = domainName(domain);
    checkPort("--smtp-port", smtpPort);
    checkPort("--https-port", httpsPort);
    List<X509Certificate> anchors = caFile == null ? List.of() : CaFile.read(caFile);
    dev.mailcheck.smtp.TlsWarmup.start(); // the policy fetch and the probes both use TLS
    return runWithDns(
        ctx,
        settings(ctx).withAllowPrivate(allowPrivate).withTrustAnchors(anchors),
        checks -> {
          MtaStsReport.Result r =
              MtaStsReport.run(target, !noSmtp, smtpPort, httpsAt(checks, httpsPort)).join();
          return new Report("mta-sts", target, r.findings(), r.views())
              .withTranscript(r.transcript());
        });
  }

  static void checkPort(String option, int port) {
    if (port < 1 || port > 65535)
      throw new InputException(option + " must be 1-65535, not " + port);
  }

  /** The context with HTTPS fetches aimed at {@code port} when it is not 443 (labs, tests). */
  static CheckContext httpsAt(CheckContext checks, int port) {
    return port == 443
        ? checks
        : checks.withHttps(
            new SocketHttpsFetcher(checks.dns(), checks.settings().clock()).withPort(port));
  }
}
