package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.TraceEntry;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.CsvRenderer;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.Renderer;
import dev.mailcheck.report.render.TextRenderer;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.SocketSmtpProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the run context from the global options, the run's resolver, and
 * rendering a report with the exit code it earns. Subcommands parse, call the core, and return
 * {@link #finish}.
 */
@Command
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  protected RunContext context() {
    return ((MailcheckCommand) spec.root().userObject()).global.toContext();
  }

  /**
   * The DOMAIN argument of a command, validated the same way by every command: an IP literal is
   * refused with one line ("'127.0.0.1' is an IP address, not a domain name", exit 2), so is a
   * mistyped one ({@code 127.0.0.256}, see {@link Hosts#refuseMalformedAddress}); anything else
   * goes through {@link DomainNames#normalize} (A-labels, lower case, no trailing dot).
   */
  static String domainName(String input) {
    return domainName(input, "");
  }

  /**
   * Like {@link #domainName(String)}; {@code hint} (e.g. "; use --ip") is appended to the
   * IP-literal message.
   */
  static String domainName(String input, String hint) {
    refuseIpLiteral(input, hint);
    Hosts.refuseMalformedAddress(input);
    return DomainNames.normalize(input);
  }

  /** The signing domain of a DKIM command ({@code d=}), with the hint DKIM users need. */
  static String dkimDomain(String input) {
    return domainName(input, "; DKIM keys are published under a domain name such as example.com");
  }

  /** Exit 2 when {@code input} is an IPv4 or IPv6 literal rather than a domain name. */
  static void refuseIpLiteral(String input, String hint) {
    if (InetAddresses.isLiteral(input)) {
      throw new InputException(
          "'" + input.strip() + "' is an IP address, not a domain name" + hint);
    }
  }

  /** A command's work once the run's checks can be reached: from the check context to a report. */
  @FunctionalInterface
  protected interface Work {
    Report run(CheckContext checks) throws Exception;
  }

  /**
   * The settings every check of this run sees: the run's clock and timeout, public addresses only,
   * the system trust store. Commands with {@code --allow-private} or {@code --ca-file} adjust them.
   */
  protected static CheckSettings settings(RunContext ctx) {
    return CheckSettings.defaults()
        .withClock(ctx.clock())
        .withTimeout(ctx.timeout())
        .withDnssecAnchors(ctx.dnssecAnchors().get())
        .withSwitches(OptionNames.SWITCHES);
  }

  /**
   * The shape of every DNS command: open the run's resolver, run the work with a check context over
   * it (an SMTP probe on the same resolver, virtual threads), then render the report with how long
   * it took and the query trace. When no DNS server answered a single query, the report says so
   * first ({@link #unreachable}) and the run ends with exit 3, in text and JSON alike.
   */
  protected int runWithDns(RunContext ctx, CheckSettings settings, Work work) throws Exception {
    long start = System.nanoTime();
    try (DnsStack dns = DnsStack.open(ctx.dns())) {
      Report report = withChecks(ctx, dns, settings, work);
      if (dns.allFailed()) report = unreachable(report, dns.servers());
      else dns.requireReachable(); // a replay file recorded for another run is exit 2
      return finish(ctx, report.withDuration(Duration.ofNanos(System.nanoTime() - start)), dns);
    }
  }

  /**
   * The shape of a run that may need no DNS (a probe of an IP literal, a message without
   * signatures): the run's resolver when {@code needsDns}, otherwise a stack without network that
   * answers no query and, with {@code --dns-record}, still writes the asked-for file (empty).
   */
  protected int runWithOptionalDns(
      RunContext ctx, boolean needsDns, CheckSettings settings, Work work) throws Exception {
    if (needsDns) return runWithDns(ctx, settings, work);
    long start = System.nanoTime();
    try (DnsStack dns = DnsStack.offline(ctx.dns())) {
      Report report = withChecks(ctx, dns, settings, work);
      return finish(ctx, report.withDuration(Duration.ofNanos(System.nanoTime() - start)), dns);
    }
  }

  /** Runs {@code work} with a check context over {@code dns}; its virtual threads end with it. */
  protected static Report withChecks(
      RunContext ctx, DnsStack dns, CheckSettings settings, Work work) throws Exception {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      SmtpProbe probe = new SocketSmtpProbe(dns.client(), ctx.clock(), OptionNames.SWITCHES);
      return work.run(new CheckContext(dns.client(), probe, executor, settings));
    }
  }

  /**
   * The report of a run in which no DNS server answered: {@code dns.unreachable} first, the checks'
   * own findings (all errors: they say nothing about what exists) after it, no score, incomplete
   * (exit 3). The one-line message also goes to stderr, for logs that keep only that.
   */
  Report unreachable(Report report, List<String> servers) {
    String asked = servers.isEmpty() ? "" : " (asked " + String.join(", ", servers) + ")";
    Finding none =
        Finding.of(FindingId.DNS_UNREACHABLE, Status.ERROR, "No DNS server answered")
            .detail(
                "Not one DNS query of this run got an answer"
                    + asked
                    + ", so nothing about "
                    + report.target()
                    + " could be checked; the results below are unknown, not missing.")
            .remedy(
                "Check --resolver and the network (UDP and TCP port 53 to the resolver), or"
                    + " raise --timeout for a slow resolver.")
            .build();
    List<Finding> findings = new ArrayList<>();
    findings.add(none);
    findings.addAll(report.findings());
    PrintWriter err = spec.commandLine().getErr();
    err.println("mailcheck: no DNS server answered" + asked + "; check --resolver and the network");
    err.flush();
    return new Report(
        report.command(),
        report.target(),
        findings,
        report.views(),
        Optional.empty(),
        report.duration(),
        true,
        report.trace(),
        report.transcript());
  }

  /** The report of one check's result. */
  protected static Report report(String command, String target, CheckResult<?> result) {
    return new Report(command, target, result.findings(), result.views())
        .withTranscript(result.transcript())
        .withIncomplete(result.undetermined());
  }

  /** Renders the report to stdout and returns its exit code under {@code --fail-on}. */
  protected int finish(RunContext ctx, Report report, DnsStack dns) {
    Report full = report.withTrace(traceLines(dns.trace()));
    Renderer renderer =
        switch (ctx.format()) {
          case json -> new JsonRenderer(BuildVersion.current(), ctx.verbose());
          case csv -> new CsvRenderer();
          case ndjson -> new JsonRenderer(BuildVersion.current(), ctx.verbose())::renderLine;
          case junit -> junit(ctx);
          case sarif -> new dev.mailcheck.report.render.SarifRenderer(BuildVersion.current());
          case html -> new dev.mailcheck.report.render.HtmlRenderer(BuildVersion.current());
          case text -> new TextRenderer(ctx.color(), ctx.verbose());
        };
    PrintWriter out = spec.commandLine().getOut();
    try {
      renderer.render(full, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    return exitCode(full, ctx.failOn());
  }

  /** {@code --format junit}; {@code domain --expect} keeps allow-warn warnings passing. */
  protected dev.mailcheck.report.render.JunitRenderer junit(RunContext ctx) {
    return new dev.mailcheck.report.render.JunitRenderer(ctx.failOn());
  }

  /** The exit code a rendered report earns; {@code domain --expect} excuses allow-warn ids. */
  protected int exitCode(Report report, dev.mailcheck.report.Status failOn) {
    return ExitCode.of(report, failOn);
  }

  static List<Report.TraceLine> traceLines(List<TraceEntry> entries) {
    return entries.stream()
        .map(
            e ->
                new Report.TraceLine(
                    e.question().name(),
                    e.question().type().name(),
                    e.server(),
                    e.outcome(),
                    e.answers(),
                    e.millis(),
                    e.transport(),
                    e.cached()))
        .toList();
  }
}
