package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.TraceEntry;
import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.report.Report;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the run context from the global options, the run's resolver, and
 * rendering a report with the exit code it earns. Subcommands parse, call the core, and return
 * {@link #finish}.
 */
@picocli.CommandLine.Command
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  protected RunContext context() {
    return ((MailcheckCommand) spec.root().userObject()).global.toContext();
  }

  /**
   * The DOMAIN argument of a command, validated the same way by every command: an IP literal is
   * refused with one line ("'127.0.0.1' is an IP address, not a domain name", exit 2), anything
   * else goes through {@link DomainNames#normalize} (A-labels, lower case, no trailing dot).
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
    return DomainNames.normalize(input);
  }

  /** Exit 2 when {@code input} is an IPv4 or IPv6 literal rather than a domain name. */
  static void refuseIpLiteral(String input, String hint) {
    if (InetAddresses.isLiteral(input)) {
      throw new InputException(
          "'" + input.strip() + "' is an IP address, not a domain name" + hint);
    }
  }

  protected DnsStack openDns(RunContext ctx) {
    return DnsStack.open(ctx.dns());
  }

  /** Like {@link #openDns}, but a run that cannot have a resolver ends with exit 3. */
  protected DnsStack openDnsOrFail(RunContext ctx) {
    try {
      return openDns(ctx);
    } catch (UnsupportedOperationException e) {
      throw new CouldNotRunException(
          "no DNS resolver available to resolve the host name; use an IP address");
    }
  }

  /**
   * The resolver of a run that may not need one (a probe of an IP literal): {@link #openDnsOrFail}
   * when {@code needed}; otherwise a stack without network, which answers no query and, with {@code
   * --dns-record}, writes the asked-for file (empty) on close, so that {@code --dns-record} always
   * gives a file.
   */
  protected DnsStack openDnsIfNeeded(RunContext ctx, boolean needed) {
    return needed ? openDnsOrFail(ctx) : DnsStack.offline(ctx.dns());
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
        .withDnssecAnchors(ctx.dnssecAnchors().get());
  }

  /**
   * The shape of every DNS command: open the run's resolver, run the work with a check context over
   * it (an SMTP probe on the same resolver, virtual threads), end with exit 3 if no DNS server
   * answered at all ({@link DnsStack#requireReachable}), then render the report with how long it
   * took and the query trace.
   */
  protected int runWithDns(RunContext ctx, CheckSettings settings, Work work) throws Exception {
    long start = System.nanoTime();
    try (DnsStack dns = openDns(ctx)) {
      Report report = withChecks(ctx, dns, settings, work);
      dns.requireReachable();
      return finish(ctx, report.withDuration(Duration.ofNanos(System.nanoTime() - start)), dns);
    }
  }

  /** Runs {@code work} with a check context over {@code dns}; its virtual threads end with it. */
  protected static Report withChecks(
      RunContext ctx, DnsStack dns, CheckSettings settings, Work work) throws Exception {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      SmtpProbe probe = new SocketSmtpProbe(dns.client(), ctx.clock());
      return work.run(new CheckContext(dns.client(), probe, executor, settings));
    }
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
          case json -> new JsonRenderer(Version.current(), ctx.verbose());
          case csv -> new CsvRenderer();
          case text -> new TextRenderer(ctx.color(), ctx.verbose());
        };
    PrintWriter out = spec.commandLine().getOut();
    try {
      renderer.render(full, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    return ExitCode.of(full, ctx.failOn());
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
