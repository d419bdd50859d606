package dev.mailcheck.checks.blocklist;

import dev.mailcheck.dns.DnsResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lists answered.
 *
 * @param lookups one per (target, list) asked, in target then list order
 * @param skipped targets not looked up, with why (a private address without --allow-private)
 * @param notAsked (target, list) pairs the list does not cover (an IPv4-only list and an IPv6
 *     address)
 */
public record BlocklistFacts(
    List<Blocklist> lists, List<Lookup> lookups, List<Skipped> skipped, List<NotAsked> notAsked) {
  public BlocklistFacts {
    lists = List.copyOf(lists);
    lookups = List.copyOf(lookups);
    skipped = List.copyOf(skipped);
    notAsked = List.copyOf(notAsked);
  }

  /**
   * @param a the A lookup of the list name
   * @param txt the TXT lookup (the list's reason), asked only when the A answer is a listing and
   *     the list publishes reasons
   */
  public record Lookup(
      BlocklistTarget target,
      Blocklist list,
      String queryName,
      DnsResult a,
      Optional<DnsResult> txt) {
    public Lookup {
      Objects.requireNonNull(a);
    }

    public Verdict verdict() {
      return Verdict.of(list, a);
    }
  }

  /**
   * @param range the special-purpose range the address is in, e.g. "loopback (RFC 1122)"
   */
  public record Skipped(BlocklistTarget target, String range) {}

  public record NotAsked(BlocklistTarget target, Blocklist list) {}
}
