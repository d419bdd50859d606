package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.bimi.BimiCheck;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck bimi DOMAIN}: the BIMI record, the DMARC precondition, logo and certificate. */
@Command(
    name = "bimi",
    description = {
      "Check BIMI (brand logo) of a domain.",
      "Reads SELECTOR._bimi.DOMAIN (or the organizational domain's), checks that DMARC enforces, fetches the l= logo over HTTPS and checks it against SVG Tiny Portable/Secure, and fetches the a= mark certificate (VMC/CMC): dates, names, and its logotype hash against the logo."
    })
final class BimiCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "DOMAIN",
      description = "The domain (RFC5322.From) to check.")
  String domain;

  @Option(
      names = "--selector",
      paramLabel = "S",
      defaultValue = BimiCheck.DEFAULT_SELECTOR,
      description = "The BIMI selector (default: ${DEFAULT-VALUE}).")
  String selector;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description =
          "Validate the HTTPS servers' certificates against these CAs (PEM bundle) instead of the system store.")
  Path caFile;

  @Option(
      names = "--allow-private",
      description =
          "Contact loopback/private/reserved addresses for the logo and certificate (labs).")
  boolean allowPrivate;

  @Option(
      names = "--https-port",
      hidden = true,
      defaultValue = "443",
      description = "Fetch from this port instead of 443 (labs and tests).")
  int httpsPort;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    String target = domainName(domain);
    if (!selector.matches("[A-Za-z0-9]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9_-]{0,62}))*"))
      throw new InputException(
          "--selector must be a DNS label, not '" + selector.replaceAll("\\p{Cntrl}", "?") + "'");
    MtaStsCommand.checkPort("--https-port", httpsPort);
    List<X509Certificate> anchors = caFile == null ? List.of() : CaFile.read(caFile);
    dev.mailcheck.smtp.TlsWarmup.start(); // overlaps the record lookup before the logo fetch
    return runWithDns(
        ctx,
        settings(ctx).withAllowPrivate(allowPrivate).withTrustAnchors(anchors),
        base -> {
          var checks = MtaStsCommand.httpsAt(base, httpsPort);
          var q = new BimiCheck.Query(target, selector.toLowerCase(java.util.Locale.ROOT));
          var bimi = Checks.BIMI.run(q, checks);
          var dmarc = Checks.DMARC.fetch(target, checks);
          var r = bimi.join();
          return new Report(
              "bimi",
              target,
              BimiCheck.withDmarc(r.findings(), r.facts(), dmarc.join()),
              r.views());
        });
  }
}
