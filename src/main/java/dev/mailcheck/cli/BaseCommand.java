package dev.mailcheck.cli;

import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.TraceEntry;
import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.Renderer;
import dev.mailcheck.report.render.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
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
   * when {@code needed}; otherwise, with {@code --dns-record}, a stack without network that writes
   * the asked-for file (empty) on close, so that {@code --dns-record} always gives a file; else
   * null.
   */
  protected DnsStack openDnsIfNeeded(RunContext ctx, boolean needed) {
    if (needed) return openDnsOrFail(ctx);
    return ctx.dns().recordTo().isPresent() ? DnsStack.offline(ctx.dns()) : null;
  }

  /** A check that needs only DNS: from the run's resolver to its report. */
  @FunctionalInterface
  protected interface DnsCheck {
    Report run(DnsStack dns) throws Exception;
  }

  /**
   * The shape of every DNS-only command: open the run's resolver, run the check, end with exit 3 if
   * no DNS server answered at all ({@link DnsStack#requireReachable}), then render the report with
   * how long it took and the query trace.
   */
  protected int runWithDns(RunContext ctx, DnsCheck check) throws Exception {
    long start = System.nanoTime();
    try (DnsStack dns = openDns(ctx)) {
      Report report = check.run(dns);
      dns.requireReachable();
      return finish(ctx, report.withDuration(Duration.ofNanos(System.nanoTime() - start)), dns);
    }
  }

  /** Renders the report to stdout and returns its exit code under {@code --fail-on}. */
  protected int finish(RunContext ctx, Report report, DnsStack dns) {
    Report full = report;
    if (dns != null) full = full.withTrace(traceLines(dns.trace()));
    Renderer renderer =
        ctx.format() == OutputFormat.json
            ? new JsonRenderer(Version.current(), ctx.verbose())
            : new TextRenderer(ctx.color(), ctx.verbose());
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
