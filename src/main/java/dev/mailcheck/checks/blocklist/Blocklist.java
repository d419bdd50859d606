package dev.mailcheck.checks.blocklist;

import java.util.List;
import java.util.Objects;

/**
 * One DNS blocklist: where to ask and what its answers mean.
 *
 * @param name short name used on the command line ({@code --list spamhaus-zen})
 * @param zone the DNS zone queries go under ({@code zen.spamhaus.org})
 * @param ipv6 whether the list answers for IPv6 addresses (nibble names); IP lists only
 * @param impact what a listing means for delivery: most large receivers reject on a high-impact
 *     list; few use a low-impact one
 * @param txt whether the list publishes a TXT reason next to each listing
 * @param bitmask whether the last octet of an answer is a bit set (SURBL, URIBL), not one code
 * @param delist where to ask for removal
 * @param terms the list's usage terms, in particular whether it refuses public resolvers
 */
public record Blocklist(
    String name,
    String title,
    String zone,
    Kind kind,
    boolean ipv6,
    Impact impact,
    boolean txt,
    boolean bitmask,
    String delist,
    String terms,
    List<ReturnCode> codes) {
  public Blocklist {
    Objects.requireNonNull(name);
    Objects.requireNonNull(zone);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(impact);
    title = title == null || title.isBlank() ? name : title;
    delist = delist == null ? "" : delist;
    terms = terms == null ? "" : terms;
    codes = List.copyOf(codes);
  }

  /** What a list is queried with. */
  public enum Kind {
    /** DNSBL: addresses, reversed. */
    IP,
    /** RHSBL / DBL: domain names. */
    DOMAIN,
    /** A list given with {@code --list NAME=ZONE}: asked for addresses and domains. */
    ANY;

    public boolean takesAddresses() {
      return this != DOMAIN;
    }

    public boolean takesDomains() {
      return this != IP;
    }
  }

  /** How much a listing on the list costs in delivery. */
  public enum Impact {
    HIGH,
    LOW
  }

  /**
   * A list named on the command line ({@code --list NAME=ZONE}), e.g. a lab zone or a private list:
   * the common convention (127.0.0.2 and up listed, RFC 5782 §2.1) and Spamhaus' error codes.
   */
  public static Blocklist custom(String name, String zone) {
    return new Blocklist(
        name,
        name + " (" + zone + ")",
        zone,
        Kind.ANY,
        true,
        Impact.HIGH,
        true,
        false,
        "",
        "",
        List.of(
            ReturnCode.range("127.0.0.2", "127.0.0.254", ReturnCode.Type.LISTED, "listed", null),
            ReturnCode.error("127.255.255.252", ReturnCode.ErrorReason.MISCONFIGURED, "error code"),
            ReturnCode.error(
                "127.255.255.254", ReturnCode.ErrorReason.PUBLIC_RESOLVER, "refused this resolver"),
            ReturnCode.error(
                "127.255.255.255", ReturnCode.ErrorReason.RATE_LIMIT, "too many queries")));
  }
}
