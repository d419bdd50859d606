package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.ptr.PtrFacts;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code postfix config --dns}: whether {@code myhostname}, the name Postfix greets and says HELO
 * with, resolves, and whether each of its addresses reverses to it. Receivers compare the two
 * (Postfix's own {@code reject_unknown_helo_hostname}, Gmail's and Microsoft's PTR rules).
 *
 * @param name the effective myhostname
 * @param a the A lookup of the name
 * @param aaaa the AAAA lookup of the name
 * @param reverses the PTR (and forward) lookups of each address, at most {@link
 *     Limits#POSTFIX_HOSTNAME_ADDRESSES}
 */
public record HostnameDns(String name, DnsResult a, DnsResult aaaa, List<PtrFacts> reverses) {
  public HostnameDns {
    reverses = List.copyOf(reverses);
  }

  /** The lookups for {@code name}: A and AAAA at once, then every address's PTR at once. */
  static CompletableFuture<HostnameDns> fetch(String name, CheckContext ctx) {
    var a = ctx.dns().query(DnsQuestion.of(name, RecordType.A));
    var aaaa = ctx.dns().query(DnsQuestion.of(name, RecordType.AAAA));
    return a.thenCombine(aaaa, (x, y) -> addresses(x, y))
        .thenCompose(
            addresses -> {
              List<CompletableFuture<PtrFacts>> each =
                  addresses.stream()
                      .limit(Limits.POSTFIX_HOSTNAME_ADDRESSES)
                      .map(ip -> Checks.PTR.fetch(new PtrCheck.Query(ip, Optional.of(name)), ctx))
                      .toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          new HostnameDns(
                              name,
                              a.join(),
                              aaaa.join(),
                              each.stream().map(CompletableFuture::join).toList()));
            });
  }

  private static List<InetAddress> addresses(DnsResult a, DnsResult aaaa) {
    List<InetAddress> out = new ArrayList<>(a.addresses());
    out.addAll(aaaa.addresses());
    return out;
  }

  /** {@code postfix.config.myhostname-dns}. */
  Finding finding() {
    String n = name.toLowerCase(Locale.ROOT);
    List<String> evidence = new ArrayList<>();
    evidence.add(n + " A " + a.outcome() + ", AAAA " + aaaa.outcome());
    if (reverses.isEmpty()) {
      boolean temporary = a.isTemporaryFailure() || aaaa.isTemporaryFailure();
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MYHOSTNAME_DNS,
              temporary ? Status.ERROR : Status.FAIL,
              temporary
                  ? "Could not look up myhostname " + n
                  : "myhostname " + n + " does not resolve")
          .detail(
              temporary
                  ? "The A/AAAA lookups failed; nothing is known about the name."
                  : "Receivers that check the HELO name (reject_unknown_helo_hostname, many spam"
                      + " filters) refuse or score mail from a name without an address.")
          .remedy(
              temporary
                  ? "Retry later, or through another resolver."
                  : "Publish an A (and AAAA) record for "
                      + n
                      + " with the server's public address, or set myhostname to the name that"
                      + " has it.")
          .evidence(evidence)
          .build();
    }
    List<String> wrong = new ArrayList<>();
    for (PtrFacts p : reverses) {
      List<String> names = p.names();
      String ip = p.address().getHostAddress();
      evidence.add(ip + " PTR " + (names.isEmpty() ? p.ptr().outcome() : String.join(", ", names)));
      boolean confirmed =
          names.stream().anyMatch(x -> x.equalsIgnoreCase(n))
              && p.forwards().stream()
                  .anyMatch(f -> f.name().equalsIgnoreCase(n) && f.confirms(p.address()));
      if (!confirmed) wrong.add(ip);
    }
    if (wrong.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_MYHOSTNAME_DNS,
              Status.PASS,
              "myhostname " + n + " resolves and its addresses reverse to it")
          .detail("Forward and reverse DNS agree with the HELO name (FCrDNS).")
          .evidence(evidence)
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_MYHOSTNAME_DNS,
            Status.WARN,
            "The PTR of " + String.join(", ", wrong) + " does not name myhostname " + n)
        .detail(
            "Receivers compare the HELO name with the reverse name of the connecting address;"
                + " a mismatch costs reputation at Gmail, Microsoft and most spam filters.")
        .remedy(
            "Ask the owner of the address (hosting provider or ISP) to set its PTR to "
                + n
                + ", or set myhostname to the name the PTR already gives (it must resolve back).")
        .evidence(evidence)
        .build();
  }
}
