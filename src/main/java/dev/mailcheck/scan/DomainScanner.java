package dev.mailcheck.scan;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.domain.DomainCheck;
import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.SharedSmtpProbe;
import dev.mailcheck.smtp.SmtpProbe;
import dev.mailcheck.smtp.SocketSmtpProbe;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Checks many domains with one resolver, one SMTP probe and one executor: the library entry point
 * of mailcheck (docs/scale.md). Holds no static state; open one per worker (a Spark partition, a
 * thread pool), check any number of domains through it, concurrently, and close it.
 *
 * <pre>{@code
 * try (DomainScanner scanner = DomainScanner.open(DomainScanner.Settings.dnsOnly(
 *     DnsSettings.of(List.of(new InetSocketAddress("127.0.0.1", 53)), Duration.ofSeconds(5)), 200))) {
 *   Report r = scanner.check("example.com").join();
 *   System.out.println(r.score().map(Score::grade).orElse("-"));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>DNS: each domain gets its own cache (its checks share answers as in a one-domain run), over
 *       one network client that sends at most {@code qps} queries a second to each server.
 *   <li>SMTP: an MX address that several domains share is probed once per scanner ({@link
 *       SharedSmtpProbe}), with at most {@code connectionsPerAddress} connections to it at once.
 *   <li>Failures: {@link #check} never completes exceptionally; a domain that could not be checked
 *       gets a report with one {@code domain.error} finding, marked incomplete.
 * </ul>
 */
public final class DomainScanner implements AutoCloseable {
  /**
   * @param dns the resolvers, timeout and retries (and a replay file, if any)
   * @param qps at most this many queries a second to each resolver; 0 for no limit
   * @param checks clock, timeout, private addresses, trust anchors of every check
   * @param template how each domain is checked (its domain is replaced by each one checked)
   * @param connectionsPerAddress at most this many SMTP connections to one address at once
   */
  public record Settings(
      DnsSettings dns,
      int qps,
      CheckSettings checks,
      DomainCheck.Options template,
      int connectionsPerAddress) {
    public Settings {
      Objects.requireNonNull(dns);
      Objects.requireNonNull(checks);
      Objects.requireNonNull(template);
      if (qps < 0) throw new IllegalArgumentException("negative qps");
      if (connectionsPerAddress < 1) throw new IllegalArgumentException("connectionsPerAddress");
    }

    /**
     * DNS-only checks (no SMTP probe), default check settings, at most {@code qps} per resolver.
     */
    public static Settings dnsOnly(DnsSettings dns, int qps) {
      return new Settings(
          dns,
          qps,
          CheckSettings.defaults().withTimeout(dns.timeout()),
          new DomainCheck.Options("example.com", List.of(), false),
          2);
    }
  }

  private final Settings settings;
  private final DnsStack dns;
  private final SmtpProbe probe;
  private final ExecutorService executor;

  private DomainScanner(Settings settings, DnsStack dns) {
    this.settings = settings;
    this.dns = dns;
    this.probe =
        new SharedSmtpProbe(
            new SocketSmtpProbe(
                dns.client(), settings.checks().clock(), settings.checks().switches()),
            settings.connectionsPerAddress());
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  /**
   * Opens the resolver the settings describe.
   *
   * @throws dev.mailcheck.internal.CouldNotRunException when no resolver is given and the system
   *     has none
   */
  public static DomainScanner open(Settings settings) {
    return new DomainScanner(settings, DnsStack.openShared(settings.dns(), settings.qps()));
  }

  /**
   * Checks one domain (a name as a user typed it: IDNs are converted, an IP address or a malformed
   * name gives a {@code domain.error} report). Never completes exceptionally.
   */
  public CompletableFuture<Report> check(String input) {
    long start = System.nanoTime();
    String domain;
    try {
      domain = normalize(input);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          error(input.strip(), "not a domain name: " + e.getMessage(), start));
    }
    CompletableFuture<Report> report;
    try {
      CheckContext ctx = new CheckContext(dns.session(), probe, executor, settings.checks());
      report =
          new DomainCheck(ctx)
              .run(settings.template().withDomain(domain))
              .thenApply(
                  r ->
                      new Report("domain", domain, r.findings(), r.views())
                          .withScore(r.score())
                          .withDuration(Duration.ofNanos(System.nanoTime() - start)));
    } catch (RuntimeException e) {
      report = CompletableFuture.failedFuture(e);
    }
    return report.exceptionally(e -> error(domain, "the check failed: " + cause(e), start));
  }

  /** True when queries went to the network and no resolver has answered a single one. */
  public boolean resolverUnreachable() {
    return dns.allFailed();
  }

  /** The resolvers asked, as "host:port". */
  public List<String> resolvers() {
    return dns.servers();
  }

  @Override
  public void close() throws Exception {
    executor.shutdownNow();
    dns.close();
  }

  private static String normalize(String input) {
    String s = input.strip();
    if (InetAddresses.isLiteral(s)) throw new IllegalArgumentException("an IP address");
    return DomainNames.normalize(s);
  }

  private static String cause(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The report of a domain that could not be checked at all. */
  static Report error(String target, String why, long startNanos) {
    Finding f =
        Finding.of(FindingId.DOMAIN_ERROR, Status.ERROR, "Could not check " + target)
            .detail(why)
            .build();
    return new Report("domain", target, List.of(f), List.of())
        .withIncomplete(true)
        .withDuration(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
