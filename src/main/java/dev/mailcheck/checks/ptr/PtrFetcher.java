package dev.mailcheck.checks.ptr;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The PTR lookup, then the forward lookups of every PTR name at once. */
public final class PtrFetcher {
  private final DnsClient dns;

  public PtrFetcher(DnsClient dns) {
    this.dns = dns;
  }

  public CompletableFuture<PtrFacts> fetch(InetAddress address) {
    String reverse = InetAddresses.reverseName(address);
    RecordType forwardType = address.getAddress().length == 4 ? RecordType.A : RecordType.AAAA;
    return dns.query(DnsQuestion.of(reverse, RecordType.PTR))
        .thenCompose(
            ptr -> {
              PtrFacts bare = new PtrFacts(address, reverse, ptr, List.of());
              List<CompletableFuture<PtrFacts.Forward>> forwards =
                  bare.names().stream()
                      .limit(Limits.PTR_NAMES)
                      .map(
                          n ->
                              dns.query(DnsQuestion.of(n, forwardType))
                                  .thenApply(r -> new PtrFacts.Forward(n, r)))
                      .toList();
              return CompletableFuture.allOf(forwards.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          new PtrFacts(
                              address,
                              reverse,
                              ptr,
                              forwards.stream().map(CompletableFuture::join).toList()));
            });
  }
}
