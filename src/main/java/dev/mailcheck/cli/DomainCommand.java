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
import java.util.OptionalLong;
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
  @Parameters(
      arity = "0..*",
      paramLabel = "DOMAIN",
      description =
          "The mail domain to check; several domains (or --from-file) make a many-domain run.")
  List<String> domains = new ArrayList<>();

  // --- many domains per run (issue 17, docs/scale.md) ---
  @Option(
      names = "--from-file",
      paramLabel = "FILE",
      description =
          "Check the domains listed in FILE, one per line (- reads standard input); blank lines and"
              + " lines starting with # are skipped.")
  String fromFile;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "32",
      description =
          "In a many-domain run, check at most N domains at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--qps",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "In a many-domain run, send at most N DNS queries a second to each resolver"
              + " (default: ${DEFAULT-VALUE}; 0 for no limit).")
  int qps;

  @Option(
      names = "--smtp",
      description =
          "Probe the MX hosts over SMTP also in a run of more than "
              + SMTP_THRESHOLD
              + " domains (where they are off unless asked).")
  boolean smtp;

  @Option(
      names = "--unordered",
      description = "In a many-domain run, write each report as it finishes, not in input order.")
  boolean unordered;

  @Option(
      names = {"-q", "--quiet"},
      description = "In a many-domain run, print no progress bar and no summary on stderr.")
  boolean quiet;

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description =
          "Compare each domain with what FILE (YAML, docs/expect.schema.json) says it must look like"
              + " and report drift as expect.* findings.")
  Path expectFile;

  /** Read from {@link #expectFile} when given; null otherwise (the YAML reader stays unloaded). */
  private ExpectOption expect;

  /** Above this many domains, SMTP probes are off unless {@code --smtp} asks for them. */
  static final int SMTP_THRESHOLD = 25;

  /** At most this many SMTP connections to one MX address at once, across all domains. */
  static final int CONNECTIONS_PER_ADDRESS = 2;

  // --- end many domains per run ---

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
    if (domains.isEmpty() && fromFile == null)
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing required parameter: 'DOMAIN' (or --from-file FILE)");
    if (smtp && noSmtp) throw new InputException("--smtp and --no-smtp contradict each other");
    boolean many = domains.size() > 1 || fromFile != null;
    if (expectFile != null) expect = ExpectOption.read(expectFile);
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
    if (many) return runMany(ctx, anchors, ips, blocklists);
    String target = domainName(domains.get(0));
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
          Report report =
              new Report("domain", target, r.findings(), r.views())
                  .withScore(r.score())
                  .withTranscript(r.transcript());
          return expect == null ? report : expect.apply(report);
        });
  }

  private int runMany(
      RunContext ctx,
      List<X509Certificate> anchors,
      List<InetAddress> ips,
      List<Blocklist> blocklists)
      throws Exception {
    DomainBatch.requirePositive("--concurrency", concurrency);
    if (qps < 0) throw new InputException("--qps must be 0 (no limit) or more, not " + qps);
    if (ctx.dns().recordTo().isPresent())
      throw new InputException("--dns-record records one domain's run; give one DOMAIN");
    // Domains on the command line are checked like a single one (a bad one is exit 2 before any
    // lookup); lines of a file each get a report, a bad line a domain.error one.
    List<String> named = domains.stream().map(BaseCommand::domainName).toList();
    DomainFiles.Input input = DomainFiles.open(fromFile, named);
    try (input) {
      OptionalLong total = input.total();
      boolean probe =
          !noSmtp && (smtp || (total.isPresent() && total.getAsLong() <= SMTP_THRESHOLD));
      var err = spec.commandLine().getErr();
      if (!noSmtp && !probe && !quiet) {
        err.println(
            "mailcheck: SMTP probes are off in runs of more than "
                + SMTP_THRESHOLD
                + " domains (or from standard input); --smtp turns them on");
        err.flush();
      }
      var template =
          new DomainCheck.Options(
              "example.com", selectors, probe, smtpPort, blocklists, ips, !noTransport);
      var settings =
          settings(ctx).withAllowPrivate(privateAddresses.allowPrivate).withTrustAnchors(anchors);
      if (probe) TlsWarmup.start();
      return new DomainBatch(ctx, spec.commandLine().getOut(), err, expect)
          .run(
              input.domains(),
              settings,
              template,
              new DomainBatch.Options(
                  concurrency,
                  qps,
                  !unordered,
                  quiet,
                  !quiet && Terminal.stderrIsTerminal(),
                  total,
                  CONNECTIONS_PER_ADDRESS));
    }
  }

  @Override
  protected dev.mailcheck.report.render.JunitRenderer junit(RunContext ctx) {
    return expect == null ? super.junit(ctx) : expect.junit(ctx.failOn());
  }

  @Override
  protected int exitCode(Report report, dev.mailcheck.report.Status failOn) {
    return expect == null ? super.exitCode(report, failOn) : expect.exitCode(report, failOn);
  }
}
