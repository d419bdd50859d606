package dev.mailcheck.smtp;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The SMTP probe of a many-domain run: an MX address that many domains share (a hosting provider's
 * or a mailbox provider's) is probed once per run and its session reused by every domain, which
 * then judges it under its own exchange name ({@link ProbeResult#asSeenBy}). On top, at most {@code
 * perAddress} connections are open to one address at any time, whatever the port.
 *
 * <p>Only single-address requests of the same port, TLS mode and options are shared (the domain
 * check asks that way); anything else passes through, still under the connection cap. The cache
 * holds one result per probed address for the life of the run: SMTP probes are off by default in
 * large runs (docs/scale.md), so that it stays small.
 */
public final class SharedSmtpProbe implements SmtpProbe {
  private final SmtpProbe inner;
  private final int perAddress;
  private final Map<Key, CompletableFuture<ProbeResult>> sessions = new ConcurrentHashMap<>();
  private final Map<InetAddress, Semaphore> connections = new ConcurrentHashMap<>();

  /** What makes two requests the same session: the address, the port and how it is spoken to. */
  private record Key(
      InetAddress address, int port, TlsMode mode, String ehlo, boolean legacy, Object anchors) {}

  public SharedSmtpProbe(SmtpProbe inner, int perAddress) {
    if (perAddress < 1) throw new IllegalArgumentException("perAddress must be at least 1");
    this.inner = Objects.requireNonNull(inner);
    this.perAddress = perAddress;
  }

  @Override
  public ProbeResult probe(ProbeRequest request) {
    if (request.addresses().size() != 1 || request.auth().isPresent() || request.relayTest())
      return capped(request.addresses(), request);
    InetAddress a = request.addresses().get(0);
    Key key =
        new Key(
            a,
            request.port(),
            request.tlsMode(),
            request.ehloName(),
            request.legacyTlsCheck(),
            request.trustAnchors().orElse(null));
    CompletableFuture<ProbeResult> mine = new CompletableFuture<>();
    CompletableFuture<ProbeResult> shared = sessions.putIfAbsent(key, mine);
    if (shared != null) return shared.join();
    try {
      mine.complete(capped(request.addresses(), request));
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }

  /** How many distinct sessions were probed so far (tests, the run's summary). */
  public int sessions() {
    return sessions.size();
  }

  private ProbeResult capped(java.util.List<InetAddress> addresses, ProbeRequest request) {
    if (addresses.size() != 1) return inner.probe(request);
    Semaphore s = connections.computeIfAbsent(addresses.get(0), x -> new Semaphore(perAddress));
    s.acquireUninterruptibly();
    try {
      return inner.probe(request);
    } finally {
      s.release();
    }
  }
}
