package dev.mailcheck.checks;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.https.HttpsFetcher;
import dev.mailcheck.https.SocketHttpsFetcher;
import dev.mailcheck.smtp.SmtpProbe;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The I/O a check's fetch may use, shared by every check of a run: the run's resolver (cached,
 * coalescing, traced, recorded), the SMTP probe, the HTTPS fetcher (MTA-STS policies, BIMI logos),
 * the executor blocking work runs on (virtual threads in the CLI), and the run's {@link
 * CheckSettings}.
 */
public record CheckContext(
    DnsClient dns, SmtpProbe smtp, HttpsFetcher https, Executor executor, CheckSettings settings) {
  public CheckContext {
    Objects.requireNonNull(dns);
    Objects.requireNonNull(smtp);
    Objects.requireNonNull(https);
    Objects.requireNonNull(executor);
    Objects.requireNonNull(settings);
  }

  /** A context whose HTTPS fetches go over the network through {@code dns}. */
  public CheckContext(DnsClient dns, SmtpProbe smtp, Executor executor, CheckSettings settings) {
    this(dns, smtp, new SocketHttpsFetcher(dns, settings.clock()), executor, settings);
  }

  /** The same context with another HTTPS fetcher (tests: a fetcher aimed at a local port). */
  public CheckContext withHttps(HttpsFetcher fetcher) {
    return new CheckContext(dns, smtp, fetcher, executor, settings);
  }

  /** A context for checks that only ask DNS: a probe attempt is a bug and fails loudly. */
  public static CheckContext dnsOnly(DnsClient dns, Executor executor, CheckSettings settings) {
    return new CheckContext(
        dns,
        request -> {
          throw new IllegalStateException("this run has no SMTP probe");
        },
        executor,
        settings);
  }

  /** Runs blocking work on the run's executor. */
  public <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }
}
