package dev.mailcheck.dns;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * The network client: asks recursive servers over UDP with dnsjava's {@link SimpleResolver}, falls
 * back to TCP on a truncated answer (RFC 7766 §5), fails over from server to server, and follows
 * CNAME chains (RFC 1034 §3.6.2).
 *
 * <p>Per server, a query is sent up to {@code 1 + retries} times while it times out. A SERVFAIL,
 * REFUSED or other error RCODE moves on to the next server at once. A server that timed out twice
 * in a row is skipped for the rest of the run, unless it is the last one left. Each attempt is
 * bounded by the timeout (a TCP retry after truncation gets its own timeout). While no server has
 * answered anything yet and every server has timed out twice in a row, further questions fail at
 * once instead of waiting again: a run against an unreachable resolver ends in about {@code servers
 * × (1 + retries) × timeout}, not that much per question.
 *
 * <p>We handle truncation ourselves ({@code ignoreTruncation} on the UDP resolver) rather than let
 * dnsjava retry silently, so that the trace can say which transport answered.
 */
final class NetworkDnsClient implements DnsClient {

  private final List<Server> servers;
  private final Duration timeout;
  private final int retries;
  private final DnsTrace trace;
  private final Executor executor = r -> Thread.ofVirtual().name("dns").start(r);
  private final AtomicBoolean asked = new AtomicBoolean();
  private final AtomicBoolean heard = new AtomicBoolean();

  NetworkDnsClient(
      List<InetSocketAddress> addresses, Duration timeout, int retries, DnsTrace trace) {
    this(addresses, timeout, retries, trace, 0);
  }

  /**
   * @param qps at most this many queries a second to each server ({@code --qps}, a {@link
   *     RateLimiter} per server); 0 for no limit
   */
  NetworkDnsClient(
      List<InetSocketAddress> addresses, Duration timeout, int retries, DnsTrace trace, int qps) {
    if (addresses.isEmpty()) throw new IllegalArgumentException("no DNS server");
    if (qps < 0) throw new IllegalArgumentException("negative qps");
    this.servers = addresses.stream().map(a -> new Server(a, timeout, qps)).toList();
    this.timeout = timeout;
    this.retries = retries;
    this.trace = trace;
  }

  /** True once a question went to the network and no server has answered anything yet. */
  boolean noServerAnswered() {
    return asked.get() && !heard.get();
  }

  /** Stops the pacing threads of {@code --qps}. */
  void close() {
    for (Server s : servers) if (s.limiter != null) s.limiter.close();
  }

  List<String> serverLabels() {
    return servers.stream().map(s -> s.label).toList();
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion question) {
    // The contract is "never fails": an unexpected exception (a dnsjava parse bug on a hostile
    // answer, say) becomes a temporary failure of this question, never absence.
    return chase(question, question.name(), List.of())
        .exceptionally(e -> new DnsResult.ServFail(question, "resolver error: " + unwrap(e)));
  }

  /**
   * Asks for {@code name} and follows the CNAMEs of the answer; re-asks for a chain's last name.
   */
  private CompletableFuture<DnsResult> chase(
      DnsQuestion original, String name, List<String> chain) {
    DnsQuestion q = DnsQuestion.of(name, original.type());
    return ask(q, false)
        .thenCompose(
            reply ->
                switch (reply) {
                  case Failed f -> CompletableFuture.completedFuture(f.as(original));
                  case Answered a -> interpret(original, name, chain, a);
                });
  }

  private CompletableFuture<DnsResult> interpret(
      DnsQuestion original, String name, List<String> chainSoFar, Answered a) {
    List<String> chain = new ArrayList<>(chainSoFar);
    Set<String> seen = new HashSet<>(chain);
    seen.add(name);
    String current = name;
    while (true) {
      String owner = current;
      List<DnsRecord> matching =
          a.answer.stream()
              .filter(r -> r.name().equals(owner) && r.type() == original.type())
              .toList();
      if (!matching.isEmpty()) return done(new DnsResult.Records(original, matching, chain));
      if (original.type() == RecordType.CNAME) break;
      Optional<DnsRecord.Cname> cname =
          a.answer.stream()
              .filter(r -> r instanceof DnsRecord.Cname && r.name().equals(owner))
              .map(DnsRecord.Cname.class::cast)
              .findFirst();
      if (cname.isEmpty()) break;
      chain.add(current);
      current = cname.get().target();
      if (!seen.add(current)) {
        return done(
            new DnsResult.ServFail(
                original, "CNAME loop: " + String.join(" -> ", chain) + " -> " + current));
      }
      if (chain.size() > Limits.CNAME_HOPS) {
        return done(
            new DnsResult.ServFail(
                original, "CNAME chain longer than " + Limits.CNAME_HOPS + " hops"));
      }
    }
    if (a.rcode == Rcode.NXDOMAIN) return done(new DnsResult.NxDomain(original, chain));
    if (!current.equals(name)) {
      // The answer stopped at a CNAME target without the asked type: ask for the target itself
      // (a recursive server may hand out a partial chain).
      return chase(original, current, chain);
    }
    return done(new DnsResult.NoData(original, chain));
  }

  private static CompletableFuture<DnsResult> done(DnsResult r) {
    return CompletableFuture.completedFuture(r);
  }

  /** What one name/type got from the servers: an answer (NOERROR/NXDOMAIN) or a failure. */
  private sealed interface Reply permits Answered, Failed {}

  private record Answered(int rcode, List<DnsRecord> answer, Message message) implements Reply {}

  /** Failure notes per server; turned into the result for the original question. */
  private record Failed(List<String> notes, boolean servfail, int otherRcode) implements Reply {
    DnsResult as(DnsQuestion q) {
      String detail = String.join("; ", notes);
      if (servfail) return new DnsResult.ServFail(q, detail);
      if (otherRcode >= 0) return new DnsResult.Refused(q, otherRcode, detail);
      return new DnsResult.Timeout(q, detail);
    }
  }

  /**
   * Asks with the DO and CD bits (RFC 4035 §3.2.1-3.2.2) and keeps the sections: the validator
   * needs the signatures and the NSEC/NSEC3 proofs, and wants bogus data handed through rather than
   * a validating upstream's SERVFAIL. No CNAME is chased: the reply is judged as the server sent
   * it.
   */
  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion question) {
    return ask(question, true)
        .thenApply(
            reply ->
                switch (reply) {
                  case Failed f -> SignedAnswer.failed(f.as(question));
                  case Answered a -> signed(question, a);
                })
        .exceptionally(
            e ->
                SignedAnswer.failed(
                    new DnsResult.ServFail(question, "resolver error: " + unwrap(e))));
  }

  private static SignedAnswer signed(DnsQuestion q, Answered a) {
    List<DnsRecord> answer = a.answer;
    List<DnsRecord> authority = convert(a.message.getSection(Section.AUTHORITY));
    List<String> chain = new ArrayList<>();
    String current = q.name();
    DnsResult outcome = null;
    while (outcome == null) {
      String owner = current;
      List<DnsRecord> matching =
          answer.stream().filter(r -> r.name().equals(owner) && r.type() == q.type()).toList();
      Optional<DnsRecord.Cname> cname =
          answer.stream()
              .filter(r -> r instanceof DnsRecord.Cname && r.name().equals(owner))
              .map(DnsRecord.Cname.class::cast)
              .findFirst();
      if (!matching.isEmpty()) outcome = new DnsResult.Records(q, matching, chain);
      else if (cname.isPresent()
          && q.type() != RecordType.CNAME
          && chain.size() <= Limits.CNAME_HOPS
          && !chain.contains(cname.get().target())) {
        chain.add(current);
        current = cname.get().target();
      } else if (a.rcode == Rcode.NXDOMAIN) outcome = new DnsResult.NxDomain(q, chain);
      else outcome = new DnsResult.NoData(q, chain);
    }
    return new SignedAnswer(outcome, a.message.getHeader().getFlag(Flags.AD), answer, authority);
  }

  private static List<DnsRecord> convert(List<Record> records) {
    return records.stream().map(DnsjavaRecords::convert).flatMap(Optional::stream).toList();
  }

  private CompletableFuture<Reply> ask(DnsQuestion q, boolean dnssec) {
    Message query;
    try {
      Name qname = q.name().isEmpty() ? Name.root : Name.fromString(q.name() + ".");
      query = Message.newQuery(Record.newRecord(qname, q.type().code(), DClass.IN));
      if (dnssec) {
        query.getHeader().setFlag(Flags.CD);
        // Our own OPT record with DO: SimpleResolver adds its (DO-less) one only when none is set.
        query.addRecord(
            new OPTRecord(Limits.EDNS_PAYLOAD, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
      }
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(
          new Failed(List.of("not a valid DNS name: " + e.getMessage()), true, -1));
    }
    asked.set(true);
    if (!heard.get() && servers.stream().allMatch(s -> s.consecutiveSilences.get() >= 2)) {
      // Nothing has answered this run and every server has timed out twice: the resolver is
      // unreachable, and waiting servers × tries × timeout for every further question would only
      // make the run hang. The command learns it from DnsStack.allFailed() and exits with 3.
      return CompletableFuture.completedFuture(
          new Failed(
              List.of(
                  "no DNS server has answered this run ("
                      + String.join(", ", serverLabels())
                      + "); not asked"),
              false,
              -1));
    }
    return tryServer(q, query, 0, new Failed(List.of(), false, -1));
  }

  private CompletableFuture<Reply> tryServer(
      DnsQuestion q, Message query, int index, Failed sofar) {
    if (index >= servers.size()) return CompletableFuture.completedFuture(sofar);
    Server s = servers.get(index);
    if (s.dead && anotherAlive(s)) return tryServer(q, query, index + 1, sofar);
    return sendWithRetries(q, query, s, 0)
        .thenCompose(
            attempt -> {
              if (attempt.rcode == Rcode.NOERROR || attempt.rcode == Rcode.NXDOMAIN) {
                return CompletableFuture.completedFuture(
                    (Reply) new Answered(attempt.rcode, attempt.answer, attempt.response));
              }
              List<String> notes = new ArrayList<>(sofar.notes);
              notes.add(s.label + ": " + attempt.note);
              Failed next =
                  new Failed(
                      notes,
                      sofar.servfail || attempt.rcode == Rcode.SERVFAIL,
                      attempt.rcode > 0 && attempt.rcode != Rcode.SERVFAIL
                          ? attempt.rcode
                          : sofar.otherRcode);
              return tryServer(q, query, index + 1, next);
            });
  }

  private boolean anotherAlive(Server s) {
    return servers.stream().anyMatch(o -> o != s && !o.dead);
  }

  /** One server's final word on a question: an RCODE and its answer, or rcode -1 for silence. */
  private record Attempt(int rcode, List<DnsRecord> answer, String note, Message response) {
    Attempt(int rcode, List<DnsRecord> answer, String note) {
      this(rcode, answer, note, null);
    }
  }

  private CompletableFuture<Attempt> sendWithRetries(
      DnsQuestion q, Message query, Server s, int tried) {
    return exchange(q, query, s, false)
        .thenCompose(
            a -> {
              if (a.rcode >= 0) return CompletableFuture.completedFuture(a);
              int tries = tried + 1;
              if (tries > retries || (s.dead && anotherAlive(s))) {
                String note = tries > 1 ? a.note + " (" + tries + " tries)" : a.note;
                return CompletableFuture.completedFuture(new Attempt(-1, List.of(), note));
              }
              return sendWithRetries(q, query, s, tries);
            });
  }

  private CompletableFuture<Attempt> exchange(DnsQuestion q, Message query, Server s, boolean tcp) {
    if (s.limiter == null) return send(q, query, s, tcp);
    // Sent from the server's pacing thread when --qps allows; the query's own timeout starts then.
    CompletableFuture<Attempt> paced = new CompletableFuture<>();
    s.limiter.submit(
        () ->
            send(q, query, s, tcp)
                .whenComplete(
                    (a, e) -> {
                      if (e != null) paced.completeExceptionally(e);
                      else paced.complete(a);
                    }));
    return paced;
  }

  private CompletableFuture<Attempt> send(DnsQuestion q, Message query, Server s, boolean tcp) {
    long start = System.nanoTime();
    SimpleResolver resolver = tcp ? s.tcp : s.udp;
    String transport = tcp ? "TCP" : "UDP";
    return resolver
        .sendAsync(query, executor)
        .toCompletableFuture()
        .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .handle(
            (response, error) -> {
              long millis = (System.nanoTime() - start) / 1_000_000;
              if (error != null) {
                Throwable cause = unwrap(error);
                boolean timedOut =
                    cause instanceof TimeoutException || cause instanceof SocketTimeoutException;
                String note =
                    timedOut
                        ? "no answer within " + timeout.toMillis() + " ms"
                        : networkError(cause);
                if (s.consecutiveSilences.incrementAndGet() >= 2 && anotherAlive(s)) s.dead = true;
                trace.add(
                    new TraceEntry(
                        q,
                        s.label,
                        timedOut ? "TIMEOUT" : "ERROR",
                        List.of(note),
                        millis,
                        transport,
                        false));
                return CompletableFuture.completedFuture(new Attempt(-1, List.of(), note));
              }
              s.consecutiveSilences.set(0);
              heard.set(true);
              if (!tcp && response.getHeader().getFlag(Flags.TC)) {
                trace.add(
                    new TraceEntry(q, s.label, "TRUNCATED", List.of(), millis, transport, false));
                return exchange(q, query, s, true);
              }
              int rcode = response.getRcode();
              if (isReferral(response)) {
                String note =
                    "referral instead of an answer (the server does not resolve recursively)";
                trace.add(
                    new TraceEntry(
                        q, s.label, "REFERRAL", List.of(note), millis, transport, false));
                return CompletableFuture.completedFuture(
                    new Attempt(Rcode.SERVFAIL, List.of(), note));
              }
              List<DnsRecord> answer =
                  response.getSection(Section.ANSWER).stream()
                      .map(DnsjavaRecords::convert)
                      .flatMap(Optional::stream)
                      .toList();
              String outcome = rcodeWord(rcode, answer.isEmpty());
              if (trace.keeps())
                trace.add(
                    new TraceEntry(
                        q,
                        s.label,
                        outcome,
                        answer.stream().map(NetworkDnsClient::presentation).toList(),
                        millis,
                        transport,
                        false));
              return CompletableFuture.completedFuture(
                  new Attempt(rcode, answer, outcome, response));
            })
        .thenCompose(f -> f);
  }

  /**
   * An empty, non-authoritative NOERROR with NS records and no SOA in the authority section is a
   * referral (RFC 1034 §4.3.1), not NODATA (RFC 2308 §2.2): the server is authoritative for
   * something else and does not recurse. Reading it as "no such record" would turn a misconfigured
   * --resolver into false findings.
   */
  private static boolean isReferral(Message m) {
    if (m.getRcode() != Rcode.NOERROR
        || !m.getSection(Section.ANSWER).isEmpty()
        || m.getHeader().getFlag(Flags.AA)) {
      return false;
    }
    List<Record> authority = m.getSection(Section.AUTHORITY);
    return authority.stream().anyMatch(r -> r.getType() == org.xbill.DNS.Type.NS)
        && authority.stream().noneMatch(r -> r.getType() == org.xbill.DNS.Type.SOA);
  }

  static String presentation(DnsRecord r) {
    return r.name() + ". " + r.ttl() + " " + r.type() + " " + r.data();
  }

  private static String rcodeWord(int rcode, boolean emptyAnswer) {
    return switch (rcode) {
      case Rcode.NOERROR -> emptyAnswer ? "NODATA" : "NOERROR";
      case Rcode.NXDOMAIN -> "NXDOMAIN";
      case Rcode.SERVFAIL -> "SERVFAIL";
      case Rcode.REFUSED -> "REFUSED";
      default -> "RCODE" + rcode + " (" + Rcode.string(rcode) + ")";
    };
  }

  private static String networkError(Throwable cause) {
    String what =
        switch (cause) {
          case java.net.PortUnreachableException e ->
              "port unreachable (no DNS server listens there)";
          case java.net.ConnectException e -> "connection refused";
          case java.net.NoRouteToHostException e -> "no route to host";
          case org.xbill.DNS.WireParseException e -> "malformed answer (" + e.getMessage() + ")";
          default ->
              cause.getClass().getSimpleName()
                  + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        };
    return "network error: " + what;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static final class Server {
    final String label;
    final SimpleResolver udp;
    final SimpleResolver tcp;
    final AtomicInteger consecutiveSilences = new AtomicInteger();

    /** {@code --qps}; null for no limit. */
    final RateLimiter limiter;

    volatile boolean dead;

    Server(InetSocketAddress address, Duration timeout, int qps) {
      this.label = label(address);
      this.limiter = qps > 0 ? new RateLimiter(qps, System::nanoTime) : null;
      this.udp = new SimpleResolver(address);
      this.tcp = new SimpleResolver(address);
      for (SimpleResolver r : List.of(udp, tcp)) {
        r.setEDNS(0, Limits.EDNS_PAYLOAD, 0, List.of());
        r.setTimeout(timeout);
      }
      udp.setIgnoreTruncation(true);
      tcp.setTCP(true);
    }
  }

  /** "127.0.0.1:53", "[::1]:53". */
  static String label(InetSocketAddress a) {
    String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
