package dev.mailcheck.cli;

import static picocli.CommandLine.ScopeType.INHERIT;

import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.report.Status;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every subcommand accepts, before or after the subcommand name. Declared once on the root
 * command with inherited scope.
 */
public final class GlobalOptions {
  @Option(
      names = "--resolver",
      paramLabel = "HOST[:PORT]",
      scope = INHERIT,
      converter = Converters.ResolverAddress.class,
      description = "DNS server to ask (repeatable); default: the system's.")
  List<InetSocketAddress> resolvers = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      scope = INHERIT,
      converter = Converters.Timeout.class,
      defaultValue = "5s",
      description =
          "Deadline of each network operation, e.g. 5s, 500ms (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      scope = INHERIT,
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--json", scope = INHERIT, description = "Shortcut for --format json.")
  boolean json;

  @Option(
      names = "--no-color",
      scope = INHERIT,
      description = "No colour (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      scope = INHERIT,
      description =
          "Show the DNS query trace and SMTP transcript (in JSON: the dns and transcript keys).")
  boolean verbose;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      scope = INHERIT,
      defaultValue = "fail",
      converter = Converters.FailOn.class,
      completionCandidates = GlobalOptions.FailOnLevels.class,
      description =
          "Exit 1 when a finding is at or above LEVEL: warn or fail (default: ${DEFAULT-VALUE}).")
  Status failOn;

  @Option(
      names = "--dns-record",
      paramLabel = "FILE",
      scope = INHERIT,
      description =
          "Write every DNS answer of this run to FILE (JSON), e.g. to attach to a bug report.")
  Path dnsRecord;

  @Option(
      names = "--dns-replay",
      paramLabel = "FILE",
      scope = INHERIT,
      description = "Answer DNS questions from FILE (written by --dns-record); no network.")
  Path dnsReplay;

  @Option(
      names = "--trust-anchor",
      paramLabel = "FILE",
      scope = INHERIT,
      description =
          "Validate DNSSEC from the DS or DNSKEY records in FILE (zone-file syntax) instead of the built-in IANA root anchors (labs, private roots).")
  Path trustAnchor;

  @Option(
      names = "--debug",
      scope = INHERIT,
      hidden = true,
      description = "Print stack traces of internal errors.")
  boolean debug;

  /** What {@code --fail-on} accepts, for help and shell completion (not every {@link Status}). */
  static final class FailOnLevels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("warn", "fail").iterator();
    }
  }

  RunContext toContext() {
    return toContext(System.getenv(), Terminal.isInteractive());
  }

  /** The run's settings, given the environment and whether stdout is a terminal (for colour). */
  RunContext toContext(java.util.Map<String, String> env, boolean interactive) {
    boolean color = Terminal.useColor(noColor, env, interactive);
    return new RunContext(
        timeout,
        new DnsSettings(
            resolvers, timeout, 1, Optional.ofNullable(dnsRecord), Optional.ofNullable(dnsReplay)),
        json ? OutputFormat.json : format,
        color,
        verbose,
        failOn,
        Clock.systemUTC(),
        () -> DnssecAnchors.read(trustAnchor));
  }
}
