package dev.mailcheck.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A declarative in-memory zone for unit tests: name → type → records, with NXDOMAIN for unknown
 * names, NODATA for known names (or empty non-terminals) without the type, and injectable
 * SERVFAIL/timeout per question. Records every question it receives, in order.
 */
public final class FakeDns implements DnsClient {
  private final Map<DnsQuestion, List<DnsRecord>> records = new LinkedHashMap<>();
  private final Map<DnsQuestion, DnsResult> forced = new LinkedHashMap<>();
  private final List<DnsQuestion> asked = new CopyOnWriteArrayList<>();

  public FakeDns add(DnsRecord r) {
    records.computeIfAbsent(DnsQuestion.of(r.name(), r.type()), k -> new ArrayList<>()).add(r);
    return this;
  }

  public FakeDns txt(String name, String... strings) {
    return add(DnsRecord.Txt.ofStrings(name, 300, strings));
  }

  public FakeDns a(String name, String address) {
    return add(new DnsRecord.Address(name, 300, ip(address)));
  }

  public FakeDns mx(String name, int preference, String exchange) {
    return add(new DnsRecord.Mx(name, 300, preference, exchange));
  }

  public FakeDns ptr(String name, String target) {
    return add(new DnsRecord.Ptr(name, 300, target));
  }

  public FakeDns cname(String name, String target) {
    return add(new DnsRecord.Cname(name, 300, target));
  }

  public FakeDns servfail(String name, RecordType type) {
    DnsQuestion q = DnsQuestion.of(name, type);
    forced.put(q, new DnsResult.ServFail(q, "injected"));
    return this;
  }

  public FakeDns timeout(String name, RecordType type) {
    DnsQuestion q = DnsQuestion.of(name, type);
    forced.put(q, new DnsResult.Timeout(q, "injected"));
    return this;
  }

  /** The questions received, in order. */
  public List<DnsQuestion> asked() {
    return List.copyOf(asked);
  }

  @Override
  public CompletableFuture<DnsResult> query(DnsQuestion q) {
    asked.add(q);
    return CompletableFuture.completedFuture(answer(q));
  }

  /**
   * The same answers as an unsigned zone gives them to a DO query: the records, no signatures, no
   * denial records. Under a trust anchor they are bogus; outside every anchor, insecure.
   */
  @Override
  public CompletableFuture<SignedAnswer> querySigned(DnsQuestion q) {
    DnsResult r = answer(q);
    return CompletableFuture.completedFuture(
        new SignedAnswer(r, false, r.recordsOrEmpty(), List.of()));
  }

  private DnsResult answer(DnsQuestion q) {
    if (forced.containsKey(q)) return forced.get(q);
    List<DnsRecord> found = records.get(q);
    if (found != null) return new DnsResult.Records(q, found);
    DnsQuestion cq = DnsQuestion.of(q.name(), RecordType.CNAME);
    if (q.type() != RecordType.CNAME && records.containsKey(cq)) {
      String target = ((DnsRecord.Cname) records.get(cq).get(0)).target();
      DnsResult next = answer(DnsQuestion.of(target, q.type()));
      List<String> chain = new ArrayList<>();
      chain.add(q.name());
      return switch (next) {
        case DnsResult.Records r -> {
          chain.addAll(r.cnameChain());
          yield new DnsResult.Records(q, r.records(), chain);
        }
        case DnsResult.NoData n -> new DnsResult.NoData(q, chain);
        case DnsResult.NxDomain n -> new DnsResult.NxDomain(q, chain);
        default -> next;
      };
    }
    boolean exists =
        records.keySet().stream()
            .anyMatch(k -> k.name().equals(q.name()) || k.name().endsWith("." + q.name()));
    return exists ? new DnsResult.NoData(q) : new DnsResult.NxDomain(q);
  }

  private static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(s, e);
    }
  }
}
