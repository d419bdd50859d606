package dev.mailcheck.cli;

import static picocli.CommandLine.ScopeType.INHERIT;

import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Status;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every subcommand accepts, before or after the subcommand name. Declared once on the root
 * command with inherited scope.
 */
public final class GlobalOptions {
  @Option(
      names = "--resolver",
      paramLabel = "IP[:PORT]",
      scope = INHERIT,
      converter = Converters.ResolverAddress.class,
      description =
          "DNS server to ask, by address (repeatable): 192.0.2.53, [::1]:5353 or localhost."
              + " Default: the system's resolvers.")
  List<InetSocketAddress> resolvers = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      scope = INHERIT,
      converter = Converters.Timeout.class,
      defaultValue = "5s",
      description =
          "Deadline of each network step, for example 5s or 500ms (default: ${DEFAULT-VALUE})."
              + " A DNS query that gets no answer is sent twice to each resolver, so it can take"
              + " twice DURATION per resolver.")
  Duration timeout;

  /**
   * How many more times a DNS query is sent to a server after a timeout (see {@code --timeout}).
   */
  static final int DNS_RETRIES = 1;

  /**
   * Unset means text; kept apart from the default so that {@code --json --format text} is caught.
   */
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      scope = INHERIT,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
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
      description = "Write every DNS answer of this run to FILE (JSON), to attach to a bug report.")
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
    public Iterator<String> iterator() {
      return List.of("warn", "fail").iterator();
    }
  }

  RunContext toContext() {
    return toContext(System.getenv(), Terminal.isInteractive());
  }

  /**
   * The run's settings, given the environment and whether stdout is a terminal (for colour). Exit 2
   * when the options contradict each other.
   */
  RunContext toContext(Map<String, String> env, boolean interactive) {
    if (json && format == OutputFormat.text)
      throw new InputException("--json and --format text contradict each other; give one of them");
    boolean color = Terminal.useColor(noColor, env, interactive);
    return new RunContext(
        new DnsSettings(
            resolvers,
            timeout,
            DNS_RETRIES,
            Optional.ofNullable(dnsRecord),
            Optional.ofNullable(dnsReplay),
            OptionNames.SWITCHES),
        json ? OutputFormat.json : format == null ? OutputFormat.text : format,
        color,
        verbose,
        failOn,
        Clock.systemUTC(),
        () -> DnssecAnchors.read(trustAnchor));
  }
}
