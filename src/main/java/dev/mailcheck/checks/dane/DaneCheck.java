package dev.mailcheck.checks.dane;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.DnssecStatus;
import dev.mailcheck.dns.DnssecValidator;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.Validation;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.View;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.TlsMode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mailcheck dane HOST[:PORT] | DOMAIN}: the TLSA records of one SMTP host (port 25, 587 with
 * STARTTLS, 465 with implicit TLS) or of every MX host of a domain, validated, checked and matched
 * against the chains the addresses present. A name without a port is a domain when it has MX
 * records, otherwise a host on port 25.
 */
public final class DaneCheck implements Check<DaneCheck.Query, DaneFacts> {
  /** A name, with the port when it was given (then it is one host). */
  public record Query(String name, OptionalInt port) {
    public static Query host(String host, int port) {
      return new Query(host, OptionalInt.of(port));
    }

    public static Query name(String name) {
      return new Query(name, OptionalInt.empty());
    }
  }

  public static String tlsaName(String host, int port) {
    return "_" + port + "._tcp." + host;
  }

  @Override
  public CompletableFuture<DaneFacts> fetch(Query q, CheckContext ctx) {
    DnssecValidator v =
        DnssecValidator.over(ctx.dns(), ctx.settings().dnssecAnchors(), ctx.settings().clock());
    if (q.port().isPresent()) {
      return host(q.name(), q.port().getAsInt(), ctx, v, true)
          .thenApply(h -> new DaneFacts("", List.of(h)));
    }
    return ctx.dns()
        .query(DnsQuestion.of(q.name(), RecordType.MX))
        .thenCompose(
            mx -> {
              List<String> hosts = exchanges(mx);
              if (hosts.isEmpty()) {
                return host(q.name(), 25, ctx, v, true)
                    .thenApply(h -> new DaneFacts("", List.of(h)));
              }
              List<CompletableFuture<DaneFacts.Host>> each =
                  hosts.stream().map(h -> host(h, 25, ctx, v, true)).toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(
                      x ->
                          new DaneFacts(
                              q.name(), each.stream().map(CompletableFuture::join).toList()));
            });
  }

  static List<String> exchanges(DnsResult mx) {
    if (!(mx instanceof DnsResult.Records r)) return List.of();
    LinkedHashSet<String> out = new LinkedHashSet<>();
    r.of(DnsRecord.Mx.class).stream()
        .sorted(Comparator.comparingInt(DnsRecord.Mx::preference))
        .map(DnsRecord.Mx::exchange)
        .filter(e -> !e.isEmpty())
        .limit(Limits.DANE_HOSTS)
        .forEach(out::add);
    return new ArrayList<>(out);
  }

  /**
   * The validated TLSA and address answers of one host, without probes: what the domain report
   * asks, beside its own probes of the same addresses.
   */
  public static CompletableFuture<DaneFacts.Host> lookup(
      String host, int port, CheckContext ctx, DnssecValidator v) {
    CompletableFuture<Validation> address = v.validate(DnsQuestion.of(host, RecordType.A));
    // asked at once: it is the answer unless the host turns out to be a secure alias
    CompletableFuture<Validation> original = tlsa(v, tlsaName(host, port), 0);
    return address.thenCompose(
        a -> {
          Optional<String> expanded = expandedName(host, a);
          if (expanded.isEmpty())
            return original.thenApply(t -> new DaneFacts.Host(host, port, a, t, List.of()));
          // RFC 7672 §2.2.2: an alias whose address chain is secure is asked at its expanded name
          // first; only a secure denial there sends the client back to the original name.
          String name = tlsaName(expanded.get(), port);
          return tlsa(v, name, 0)
              .thenCombine(
                  original,
                  (e, o) ->
                      securelyDenied(e)
                          ? new DaneFacts.Host(host, port, a, o, List.of())
                          : new DaneFacts.Host(host, port, a, e, List.of(), name));
        });
  }

  /**
   * The final target of the host's CNAME chain when its address answer validated secure; empty for
   * a host that is not an alias, or whose chain is not secure (then only the original name counts).
   */
  static Optional<String> expandedName(String host, Validation address) {
    if (address.status() != DnssecStatus.SECURE) return Optional.empty();
    return address.answer().answer().stream()
        .filter(r -> r instanceof DnsRecord.Address)
        .map(DnsRecord::name)
        .filter(n -> !n.equalsIgnoreCase(host))
        .findFirst();
  }

  private static boolean securelyDenied(Validation v) {
    return v.status() == DnssecStatus.SECURE
        && (v.outcome() instanceof DnsResult.NoData || v.outcome() instanceof DnsResult.NxDomain);
  }

  /**
   * The TLSA answer, following a CNAME whose target the reply did not include (RFC 7671 §7): the
   * target's answer is validated in turn, and the chain is only as secure as its weakest answer.
   */
  private static CompletableFuture<Validation> tlsa(DnssecValidator v, String name, int hops) {
    return v.validate(DnsQuestion.of(name, RecordType.TLSA))
        .thenCompose(
            first -> {
              List<String> chain = first.outcome().cnameChain();
              if (!(first.outcome() instanceof DnsResult.NoData) || chain.isEmpty() || hops >= 8)
                return CompletableFuture.completedFuture(first);
              String target =
                  first.answer().answer().stream()
                      .filter(r -> r instanceof DnsRecord.Cname)
                      .map(r -> ((DnsRecord.Cname) r).target())
                      .reduce((a, b) -> b)
                      .orElse(name);
              if (target.equals(name)) return CompletableFuture.completedFuture(first);
              return tlsa(v, target, hops + 1)
                  .thenApply(
                      next ->
                          first.status() == DnssecStatus.SECURE
                                  || next.status() != DnssecStatus.SECURE
                              ? next
                              : new Validation(
                                  next.answer(),
                                  first.status(),
                                  first.zone(),
                                  "the CNAME to " + target + " is not secure: " + first.reason(),
                                  first.bogusReason(),
                                  first.insecureProof(),
                                  first.anchor()));
            });
  }

  private CompletableFuture<DaneFacts.Host> host(
      String host, int port, CheckContext ctx, DnssecValidator v, boolean probe) {
    return lookup(host, port, ctx, v)
        .thenCompose(
            h -> {
              if (!probe || h.tlsaData().isEmpty()) return CompletableFuture.completedFuture(h);
              return probes(host, port, ctx).thenApply(h::withProbes);
            });
  }

  /**
   * Probes every address of the host (up to {@link Limits#DANE_ADDRESSES_PER_HOST}), all at once.
   */
  private static CompletableFuture<List<ProbeResult>> probes(
      String host, int port, CheckContext ctx) {
    var a = ctx.dns().query(DnsQuestion.of(host, RecordType.A));
    var aaaa = ctx.dns().query(DnsQuestion.of(host, RecordType.AAAA));
    return a.thenCombine(aaaa, (x, y) -> addresses(x, y))
        .thenCompose(
            all -> {
              // A DNS answer alone must not steer the probe to internal hosts (issue 11 #1).
              List<InetAddress> addresses =
                  ctx.settings().allowPrivate()
                      ? all
                      : all.stream().filter(x -> SpecialAddresses.classify(x).isEmpty()).toList();
              if (addresses.isEmpty() && !all.isEmpty()) {
                // resolved by the probe itself, which refuses with the reason and the remedy
                ProbeRequest byName =
                    request(host, all.get(0), port, ctx.settings()).toBuilder()
                        .addresses(List.of())
                        .build();
                return Checks.SMTP.fetch(byName, ctx).thenApply(List::of);
              }
              List<CompletableFuture<ProbeResult>> each =
                  addresses.stream()
                      .limit(Limits.DANE_ADDRESSES_PER_HOST)
                      .map(
                          addr -> Checks.SMTP.fetch(request(host, addr, port, ctx.settings()), ctx))
                      .toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(x -> each.stream().map(CompletableFuture::join).toList());
            });
  }

  private static List<InetAddress> addresses(DnsResult a, DnsResult aaaa) {
    List<InetAddress> out = new ArrayList<>(a.addresses());
    out.addAll(aaaa.addresses());
    return out;
  }

  /** Port 465: implicit TLS; 587: STARTTLS required; 25 and others: STARTTLS when offered. */
  static ProbeRequest request(String host, InetAddress address, int port, CheckSettings s) {
    var b =
        ProbeRequest.builder(host, port)
            .addresses(List.of(address))
            .certificateName(host)
            .timeout(s.timeout())
            .insecure(true)
            .legacyTlsCheck(false)
            .tlsMode(
                port == 465
                    ? TlsMode.IMPLICIT
                    : port == 587 ? TlsMode.STARTTLS : TlsMode.OPPORTUNISTIC);
    if (!s.trustAnchors().isEmpty()) b.trustAnchors(s.trustAnchors());
    return b.build();
  }

  @Override
  public List<Finding> evaluate(Query q, DaneFacts facts, CheckSettings settings) {
    return DaneEvaluator.evaluate(facts);
  }

  @Override
  public View view(Query q, DaneFacts facts) {
    return DaneEvaluator.view(facts);
  }

  @Override
  public List<String> transcript(DaneFacts facts) {
    List<String> out = new ArrayList<>();
    for (DaneFacts.Host h : facts.hosts()) {
      for (ProbeResult p : h.probes()) {
        out.add("--- " + h.host() + " [" + p.address().orElse("?") + "]:" + h.port() + " ---");
        out.addAll(p.transcript());
      }
    }
    return out;
  }
}
