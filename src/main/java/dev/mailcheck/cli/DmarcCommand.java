package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.dmarcreport.DmarcReportCheck;
import dev.mailcheck.checks.dmarcreport.DmarcReportFacts;
import dev.mailcheck.checks.dmarcreport.ReportLimits;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck dmarc DOMAIN}: discover, parse and evaluate the DMARC policy. */
@Command(
    name = "dmarc",
    description = {
      "Check the DMARC policy of a domain.",
      "Finds the DMARC record of DOMAIN (RFC 9989 tree walk and RFC 7489 Public Suffix List,"
          + " both shown where they differ), parses it with positioned errors, and checks the"
          + " policy, subdomain policies, removed tags and report destinations, including the"
          + " external destinations' authorization records (RFC 7489 §7.1).",
      "Use 'mailcheck dmarc report FILE...' to read the aggregate reports the rua address"
          + " receives."
    },
    subcommands = DmarcCommand.ReportCommand.class)
final class DmarcCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DOMAIN",
      description = "The domain (the RFC5322.From domain) to check.")
  String domain;

  @Override
  public Integer call() throws Exception {
    if (domain == null)
      throw new InputException(
          "dmarc: a DOMAIN is required (or use 'mailcheck dmarc report FILE...')");
    RunContext ctx = context();
    String target = domainName(domain);
    return runWithDns(
        ctx,
        settings(ctx),
        checks -> report("dmarc", target, Checks.DMARC.run(target, checks).join()));
  }

  /** {@code mailcheck dmarc report FILE...|DIR}. */
  @Command(
      name = "report",
      description = {
        "Summarize DMARC aggregate (rua) reports and advise.",
        "Reads RFC 7489 / RFC 9990 aggregate reports as .xml, .xml.gz or .zip files, or as the e-mail messages (.eml) or mbox files that carry them; directories are read recursively.",
        "Duplicates (same reporter and report id) count once; inputs that are not reports are skipped with the reason. Per source address: messages, SPF/DKIM alignment, DMARC result, disposition and overrides; then the sources to fix, those that look like spoofing, and whether the domain is ready for a stricter policy. --format csv prints the sources table."
      })
  static final class ReportCommand extends BaseCommand {
    @Parameters(
        arity = "1..*",
        paramLabel = "FILE|DIR",
        description = "Report files (.xml, .xml.gz, .zip, .eml, mbox) or directories of them.")
    List<String> inputs = new ArrayList<>();

    @Option(
        names = "--resolve-ptr",
        description =
            "Look up the PTR names of the busiest 1000 sources (in parallel, each bounded by --timeout) and name known providers.")
    boolean resolvePtr;

    @Override
    public Integer call() throws Exception {
      List<Path> paths = new ArrayList<>();
      for (String in : inputs) {
        Path p;
        try {
          p = Path.of(in);
        } catch (InvalidPathException e) {
          throw new InputException("'" + in + "' is not a valid file name");
        }
        if (!Files.exists(p)) throw new InputException("cannot read " + in + ": no such file");
        if (!Files.isReadable(p))
          throw new InputException("cannot read " + in + ": permission denied");
        paths.add(p);
      }
      RunContext ctx = context();
      var query = new DmarcReportCheck.Query(paths, resolvePtr, ReportLimits.defaults());
      String target =
          inputs.size() == 1
              ? inputs.get(0)
              : inputs.get(0) + " and " + (inputs.size() - 1) + " more";
      // PTR lookups only with --resolve-ptr; otherwise the run needs no resolver at all
      return runWithOptionalDns(
          ctx, resolvePtr, settings(ctx), checks -> run(target, query, checks));
    }

    private static Report run(String target, DmarcReportCheck.Query q, CheckContext checks) {
      CheckResult<DmarcReportFacts> r = Checks.DMARC_REPORT.run(q, checks).join();
      DmarcReportFacts f = r.facts();
      if (f.reports() == 0 && f.duplicates() == 0) {
        var why =
            f.inputs().stream()
                .filter(n -> !n.read())
                .findFirst()
                .map(n -> ": " + n.origin() + ": " + n.reason())
                .orElse("");
        throw new InputException(
            "no DMARC aggregate report in the input ("
                + f.inputs().size()
                + (f.inputs().size() == 1 ? " input skipped" : " inputs skipped")
                + why
                + ")");
      }
      return report("dmarc report", target, r);
    }
  }
}
