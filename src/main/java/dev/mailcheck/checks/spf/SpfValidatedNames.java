package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The client's validated domain names (RFC 7208 §5.5): PTR names whose own addresses include the
 * client, at most {@code maxNames} of them looked up. Used by {@code ptr} and {@code %{p}}. A
 * failed lookup only leaves a name out (§5.5: the search continues), never a temperror.
 */
final class SpfValidatedNames {
  private final DnsClient dns;
  private final InetAddress ip;
  private final int maxNames;
  private List<String> names;

  SpfValidatedNames(DnsClient dns, InetAddress ip, int maxNames) {
    this.dns = dns;
    this.ip = ip;
    this.maxNames = maxNames;
  }

  /** The validated names, in PTR answer order; looked up once per evaluation. */
  List<String> names() {
    if (names != null) return names;
    DnsResult ptr = SpfLookups.ask(dns, InetAddresses.reverseName(ip), RecordType.PTR).join();
    List<String> candidates =
        ptr.recordsOrEmpty().stream()
            .filter(DnsRecord.Ptr.class::isInstance)
            .map(p -> normalize(((DnsRecord.Ptr) p).target()))
            .filter(SpfLookups::queryable)
            .limit(maxNames)
            .toList();
    RecordType type = ip instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
    List<CompletableFuture<DnsResult>> answers =
        candidates.stream().map(n -> SpfLookups.ask(dns, n, type)).toList();
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (holdsClient(answers.get(i).join())) valid.add(candidates.get(i));
    }
    names = List.copyOf(valid);
    return names;
  }

  /**
   * {@code %{p}} (RFC 7208 §7.3): the domain itself, else a name below it, else any, else
   * "unknown".
   */
  String best(String domain) {
    List<String> all = names();
    return all.stream()
        .filter(n -> n.equals(domain))
        .findFirst()
        .or(() -> all.stream().filter(n -> n.endsWith("." + domain)).findFirst())
        .or(() -> all.stream().findFirst())
        .orElse("unknown");
  }

  private boolean holdsClient(DnsResult r) {
    return r.recordsOrEmpty().stream()
        .filter(DnsRecord.Address.class::isInstance)
        .map(a -> ((DnsRecord.Address) a).address().getAddress())
        .anyMatch(
            a ->
                a.length == ip.getAddress().length
                    && InetAddresses.inPrefix(ip.getAddress(), a, a.length * 8));
  }

  private static String normalize(String name) {
    String n =
        name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }
}
