package dev.mailcheck.dns;

import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.internal.Switches;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.ResolverConfig;

/**
 * The run's resolver: the network client (or the replay file) with the cache, in-flight coalescing,
 * trace and recording decorators around it. One per run, shared by every check.
 *
 * <pre>
 *   cache+coalescing -> [recording] -> network client (trace, failover, TCP, CNAMEs)
 *   cache+coalescing -> replay file
 * </pre>
 *
 * <p>A command that needs DNS at all should call {@link #requireReachable()} after its lookups:
 * when no server answered a single query, the findings would only be a list of timeouts, and the
 * run should end with exit code 3 instead.
 */
public final class DnsStack implements AutoCloseable {
  private final DnsClient client;
  private final DnsTrace trace;
  private final AutoCloseable onClose;
  private final Optional<NetworkDnsClient> network;
  private final Optional<ReplayDnsClient> replay;
  private final Optional<Path> replayFile;
  private final String resolverSwitch;

  /** Below the cache: what {@link #session()} puts a fresh cache on. */
  private final DnsClient source;

  DnsStack(DnsClient client, DnsTrace trace, AutoCloseable onClose) {
    this(
        client,
        client,
        trace,
        onClose,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Switches.WORDS.resolver());
  }

  private DnsStack(
      DnsClient client,
      DnsClient source,
      DnsTrace trace,
      AutoCloseable onClose,
      Optional<NetworkDnsClient> network,
      Optional<ReplayDnsClient> replay,
      Optional<Path> replayFile,
      String resolverSwitch) {
    this.resolverSwitch = resolverSwitch;
    this.replay = replay;
    this.replayFile = replayFile;
    this.client = client;
    this.source = source;
    this.trace = trace;
    this.onClose = onClose;
    this.network = network;
  }

  /**
   * Builds the stack the settings describe. With {@code replayFrom}, reads the file now (an
   * unreadable or malformed file is an {@link dev.mailcheck.internal.InputException}); otherwise
   * asks {@code servers}, or the system's resolvers (resolv.conf or the platform's equivalent, as
   * dnsjava's {@code ResolverConfig} finds them) when none are given.
   *
   * @throws CouldNotRunException when no server is given and the system has none configured
   */
  public static DnsStack open(DnsSettings settings) {
    return open(settings, 0, new DnsTrace());
  }

  /**
   * The resolver of a many-domain run: like {@link #open(DnsSettings)}, but at most {@code qps}
   * queries a second go to each server (0: no limit), and the run keeps no trace and no run-wide
   * cache that grows with the number of domains: a bounded one ({@link SharedAnswerCache}) keeps
   * what domains share. Each domain asks through its own {@link #session()}.
   */
  public static DnsStack openShared(DnsSettings settings, int qps) {
    DnsStack plain = open(settings, qps, DnsTrace.discarding());
    return new DnsStack(
        plain.client,
        new SharedAnswerCache(plain.source, Limits.SHARED_CACHE_QUESTIONS),
        plain.trace,
        plain.onClose,
        plain.network,
        plain.replay,
        plain.replayFile,
        plain.resolverSwitch);
  }

  /**
   * A fresh cache with in-flight coalescing over this stack's network client (or replay file): one
   * domain's checks share their answers, as in a one-domain run, and the cache goes away with the
   * domain. Keeps no trace.
   */
  public DnsClient session() {
    return new CachingDnsClient(source, DnsTrace.discarding());
  }

  private static DnsStack open(DnsSettings settings, int qps, DnsTrace trace) {
    // A recording that cannot be written fails now, not after the report is printed.
    settings.recordTo().ifPresent(DnsStack::checkWritable);
    DnsClient source;
    Optional<NetworkDnsClient> network = Optional.empty();
    Optional<ReplayDnsClient> replay = Optional.empty();
    if (settings.replayFrom().isPresent()) {
      ReplayDnsClient r =
          new ReplayDnsClient(DnsRecording.readAll(settings.replayFrom().get()), trace);
      replay = Optional.of(r);
      source = r;
    } else {
      List<InetSocketAddress> servers =
          settings.servers().isEmpty() ? systemServers(settings.switches()) : settings.servers();
      NetworkDnsClient net =
          new NetworkDnsClient(servers, settings.timeout(), settings.retries(), trace, qps);
      source = net;
      network = Optional.of(net);
    }
    AutoCloseable onClose = () -> {};
    if (settings.recordTo().isPresent()) {
      // Also under --dns-replay: re-recording a replay keeps only what this command asked.
      RecordingDnsClient rec = new RecordingDnsClient(source);
      source = rec;
      onClose = () -> rec.writeTo(settings.recordTo().get());
    }
    return new DnsStack(
        new CachingDnsClient(source, trace),
        source,
        trace,
        onClose,
        network,
        replay,
        settings.replayFrom(),
        settings.switches().resolver());
  }

  /**
   * The stack of a run that needs no DNS (an IP literal to probe, an unsigned message): no network,
   * every query fails at once, and {@code --dns-record} still writes its file, empty, so that
   * asking for a recording always gives one.
   */
  public static DnsStack offline(DnsSettings settings) {
    settings.recordTo().ifPresent(DnsStack::checkWritable);
    DnsTrace trace = new DnsTrace();
    DnsClient none =
        q ->
            CompletableFuture.failedFuture(
                new IllegalStateException("no DNS lookup expected in this run (" + q + ")"));
    AutoCloseable onClose = () -> {};
    DnsClient source = none;
    if (settings.recordTo().isPresent()) {
      RecordingDnsClient rec = new RecordingDnsClient(none);
      source = rec;
      onClose = () -> rec.writeTo(settings.recordTo().get());
    }
    return new DnsStack(source, trace, onClose);
  }

  private static void checkWritable(Path file) {
    if (Files.isDirectory(file)) {
      throw new InputException("cannot write DNS recording " + file + ": it is a directory");
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          "cannot write DNS recording " + file + ": cannot create its folder " + parent);
    }
    if (parent != null && !Files.isWritable(parent)) {
      throw new InputException(
          "cannot write DNS recording " + file + ": folder " + parent + " is not writable");
    }
  }

  private static List<InetSocketAddress> systemServers(Switches switches) {
    List<InetSocketAddress> found = new ResolverConfig().servers();
    if (found.isEmpty()) {
      throw new CouldNotRunException(
          "no DNS server configured on this system; name one with " + switches.resolver());
    }
    return found;
  }

  public DnsClient client() {
    return client;
  }

  public List<TraceEntry> trace() {
    return trace.entries();
  }

  /**
   * True when queries went to the network and not one server answered any of them (every attempt
   * timed out or failed at the network level). Always false when replaying a file.
   */
  public boolean allFailed() {
    return network.map(NetworkDnsClient::noServerAnswered).orElse(false);
  }

  /** The servers this stack asks, as "host:port"; empty when replaying. */
  public List<String> servers() {
    return network.map(NetworkDnsClient::serverLabels).orElse(List.of());
  }

  /**
   * Throws {@link CouldNotRunException} (exit code 3) when {@link #allFailed()}: "no DNS server
   * answered (asked 127.0.0.1:53); check the resolver and the network". When replaying, throws
   * {@link InputException} (exit code 2) when the file lacks the run's first question: it was
   * recorded for another domain or command, and the findings would be bogus timeouts.
   */
  public void requireReachable() {
    Optional<DnsQuestion> missing = replay.flatMap(ReplayDnsClient::firstQuestionMissing);
    if (missing.isPresent()) {
      throw new InputException(
          "the DNS replay file "
              + replayFile.orElseThrow()
              + " lacks this run's first question ("
              + missing.get().name()
              + " "
              + missing.get().type().name()
              + "); it was recorded for another domain or command");
    }
    if (allFailed()) {
      throw new CouldNotRunException(
          "no DNS server answered (asked "
              + String.join(", ", servers())
              + "); check "
              + resolverSwitch
              + " and the network");
    }
  }

  /** Flushes the recording, if one was asked for. */
  @Override
  public void close() throws Exception {
    network.ifPresent(NetworkDnsClient::close);
    onClose.close();
  }
}
