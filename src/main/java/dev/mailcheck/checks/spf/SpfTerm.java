package dev.mailcheck.checks.spf;

import java.util.Objects;
import java.util.Optional;

/** One term of a record: a mechanism or a modifier (RFC 7208 §4.6.1). */
public sealed interface SpfTerm {
  /** The term as written. */
  String text();

  /** 1-based character position of the term in the record. */
  int position();

  /** The mechanism names of RFC 7208 §5. */
  enum Kind {
    ALL,
    INCLUDE,
    A,
    MX,
    PTR,
    IP4,
    IP6,
    EXISTS;

    /** The mechanism of a lower-case name, or null when there is none of that name. */
    static Kind named(String lower) {
      return switch (lower) {
        case "all" -> ALL;
        case "include" -> INCLUDE;
        case "a" -> A;
        case "mx" -> MX;
        case "ptr" -> PTR;
        case "ip4" -> IP4;
        case "ip6" -> IP6;
        case "exists" -> EXISTS;
        default -> null;
      };
    }

    /** True for the terms that cost one of the ten DNS lookups (RFC 7208 §4.6.4). */
    public boolean queriesDns() {
      return switch (this) {
        case INCLUDE, A, MX, PTR, EXISTS -> true;
        case ALL, IP4, IP6 -> false;
      };
    }
  }

  /**
   * A mechanism.
   *
   * @param domainSpec the target-name macro-string ({@code include:}, {@code a:}, ...), absent when
   *     not written
   * @param network the address of {@code ip4:}/{@code ip6:} (4 or 16 octets)
   * @param cidr4 the IPv4 prefix length ({@code /24}), 32 when not written
   * @param cidr6 the IPv6 prefix length ({@code //64}), 128 when not written
   */
  record Mechanism(
      Qualifier qualifier,
      Kind kind,
      Optional<String> domainSpec,
      Optional<byte[]> network,
      int cidr4,
      int cidr6,
      String text,
      int position)
      implements SpfTerm {
    public Mechanism {
      Objects.requireNonNull(qualifier);
      Objects.requireNonNull(kind);
      Objects.requireNonNull(domainSpec);
      Objects.requireNonNull(network);
    }
  }

  /** A modifier {@code name=value}: {@code redirect=}, {@code exp=}, or one RFC 7208 ignores. */
  record Modifier(String name, String value, String text, int position) implements SpfTerm {
    public Modifier {
      Objects.requireNonNull(name);
      Objects.requireNonNull(value);
    }

    public boolean is(String n) {
      return name.equalsIgnoreCase(n);
    }
  }
}
