package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.postfix.config.PostfixConfigCheck;
import dev.mailcheck.checks.postfix.log.LogSource;
import dev.mailcheck.checks.postfix.log.PostfixLogCheck;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck postfix log|config}: Postfix mail-log analysis and configuration audit. */
@Command(
    name = "postfix",
    description = {
      "Analyse Postfix mail logs and audit a Postfix configuration.",
      "'mailcheck postfix log FILE...' summarises deliveries, deferrals, bounces, rejections, SASL failures and TLS use; 'mailcheck postfix config [DIR]' audits main.cf/master.cf."
    },
    subcommands = {PostfixCommand.Log.class, PostfixCommand.Config.class})
final class PostfixCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw new InputException(
        "postfix: a subcommand is required: 'postfix log FILE...' or 'postfix config [DIR]'");
  }

  /** Runs a check without DNS (the postfix commands read files only) and renders its report. */
  private static <Q, F> int run(
      BaseCommand cmd,
      String command,
      String target,
      java.util.function.Function<
              dev.mailcheck.checks.CheckContext, CompletableFuture<CheckResult<F>>>
          work)
      throws Exception {
    RunContext ctx = cmd.context();
    long start = System.nanoTime();
    try (DnsStack dns = DnsStack.offline(ctx.dns())) {
      Report r =
          withChecks(
              ctx,
              dns,
              settings(ctx),
              checks -> {
                try {
                  return report(command, target, work.apply(checks).join());
                } catch (CompletionException e) {
                  if (e.getCause() instanceof RuntimeException re) throw re;
                  throw e;
                }
              });
      return cmd.finish(ctx, r.withDuration(Duration.ofNanos(System.nanoTime() - start)), dns);
    }
  }

  /** {@code mailcheck postfix log FILE...|-}. */
  @Command(
      name = "log",
      description = {
        "Summarise Postfix mail logs.",
        "Deliveries, deferrals and bounces with their reasons, rejections, SASL failures, TLS use and delays, per domain and relay.",
        "Reads rsyslog (RFC 3164, RFC 5424, ISO timestamps), Postfix's maillog_file and journalctl -o short-iso output; .gz files; several files in time order; - for stdin."
      })
  static final class Log extends BaseCommand {
    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "Log files (plain or .gz), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(
        names = "--since",
        paramLabel = "T",
        description =
            "Only lines at or after T: 2024-05-01, '2024-05-01 08:00', an ISO timestamp with offset, or a duration back from now (24h, 7d, 30m).")
    String since;

    @Option(
        names = "--until",
        paramLabel = "T",
        description = "Only lines at or before T (same forms as --since).")
    String until;

    @Option(
        names = "--top",
        paramLabel = "N",
        defaultValue = "10",
        description = "Rows per table (default ${DEFAULT-VALUE}).")
    int top;

    @Option(
        names = "--domain",
        paramLabel = "D",
        description = "Only mail to or from domain D (and its subdomains).")
    String domain;

    @Override
    public Integer call() throws Exception {
      if (top < 1 || top > 100_000) throw new InputException("--top must be between 1 and 100000");
      RunContext ctx = context();
      ZoneId zone = ZoneId.systemDefault();
      Instant now = ctx.clock().instant();
      Optional<Instant> from = Optional.ofNullable(since).map(s -> time(s, "--since", zone, now));
      Optional<Instant> to = Optional.ofNullable(until).map(s -> time(s, "--until", zone, now));
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get()))
        throw new InputException("--since is after --until");
      List<LogSource> sources = new ArrayList<>();
      boolean stdin = false;
      for (String f : files) {
        if (f.equals("-")) {
          if (stdin) throw new InputException("- (standard input) given twice");
          stdin = true;
          InputStream in = System.in;
          sources.add(new LogSource.Stream("stdin", () -> in));
          continue;
        }
        Path p = Path.of(f);
        if (Files.isDirectory(p))
          throw new InputException(f + ": is a directory; give the log files in it");
        if (!Files.isReadable(p))
          throw new InputException(f + ": " + (Files.exists(p) ? "not readable" : "no such file"));
        sources.add(new LogSource.File(p));
      }
      Optional<String> d = Optional.ofNullable(domain).map(x -> domainName(x));
      var q = new PostfixLogCheck.Query(sources, from, to, top, d, zone);
      String target = String.join(" ", files);
      return run(this, "postfix log", target, checks -> Checks.POSTFIX_LOG.run(q, checks));
    }
  }

  /** {@code mailcheck postfix config [DIR] [--postconf-output FILE]...}. */
  @Command(
      name = "config",
      description = {
        "Audit a Postfix configuration against current practice.",
        "Relay protection, mynetworks, submission/smtps, TLS levels, protocols, ciphers and certificates, SASL, myhostname, VRFY, HELO, size and rate limits, DNSBL, DKIM milter; each value with where it came from.",
        "Give the output of 'postconf -n' and 'postconf -M' with --postconf-output for a server where mailcheck does not run."
      })
  static final class Config extends BaseCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "CONFIG_DIR",
        defaultValue = "/etc/postfix",
        description = "The directory with main.cf and master.cf (default ${DEFAULT-VALUE}).")
    Path directory;

    @Option(
        names = "--postconf-output",
        paramLabel = "FILE",
        description =
            "A file with the output of 'postconf -n' or 'postconf -M' (repeatable); read instead of CONFIG_DIR.")
    List<Path> postconf = new ArrayList<>();

    @Option(
        names = "--dns",
        description =
            "Also check in DNS that myhostname resolves and that its addresses reverse to it (PTR, forward-confirmed). Without it the audit reads files only.")
    boolean dns;

    @Override
    public Integer call() throws Exception {
      var q = new PostfixConfigCheck.Query(directory, postconf, dns);
      String target =
          postconf.isEmpty()
              ? directory.toString()
              : String.join(" ", postconf.stream().map(Path::toString).toList());
      if (dns) {
        RunContext ctx = context();
        return runWithDns(
            ctx,
            settings(ctx),
            checks ->
                report("postfix config", target, Checks.POSTFIX_CONFIG.run(q, checks).join()));
      }
      return run(this, "postfix config", target, checks -> Checks.POSTFIX_CONFIG.run(q, checks));
    }
  }

  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})([smhdw])");

  /**
   * --since/--until: a date, a local date and time, an ISO timestamp with offset, or a duration
   * back.
   */
  static Instant time(String s, String option, ZoneId zone, Instant now) {
    String t = s.strip();
    Matcher m = RELATIVE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
          };
      return now.minus(d);
    }
    try {
      if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(zone).toInstant();
      String iso = t.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(iso).atZone(zone).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InputException(
          option
              + " '"
              + s
              + "': expected 2024-05-01, '2024-05-01 08:00', 2024-05-01T08:00:00+02:00 or a duration such as 24h or 7d");
    }
  }
}
