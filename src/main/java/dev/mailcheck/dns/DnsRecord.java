package dev.mailcheck.dns;

import dev.mailcheck.internal.InetAddresses;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One resource record of an answer, converted from dnsjava at the {@code dns/} edge. Owner names
 * and targets are absolute, lower case, without the trailing dot.
 */
public sealed interface DnsRecord {
  String name();

  long ttl();

  RecordType type();

  /** Presentation form of the RDATA, as a zone file would show it. */
  String data();

  /** A or AAAA. */
  record Address(String name, long ttl, InetAddress address) implements DnsRecord {
    public Address {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public RecordType type() {
      return address.getAddress().length == 4 ? RecordType.A : RecordType.AAAA;
    }

    /** The address as a zone file shows it; IPv6 in the RFC 5952 form ("2001:db8::1"). */
    @Override
    public String data() {
      return InetAddresses.format(address);
    }
  }

  /** MX: preference and exchange (RFC 5321 §5.1). A null MX has exchange "" (RFC 7505). */
  record Mx(String name, long ttl, int preference, String exchange) implements DnsRecord {
    @Override
    public RecordType type() {
      return RecordType.MX;
    }

    @Override
    public String data() {
      return preference + " " + (exchange.isEmpty() ? "." : exchange + ".");
    }
  }

  /**
   * TXT (or the obsolete SPF type 99): the character-strings as sent, each at most 255 octets,
   * decoded as ISO-8859-1 so that every octet survives. {@link #text()} joins them with nothing in
   * between, as RFC 7208 §3.3 and RFC 6376 §3.6.2.2 require.
   */
  record Txt(String name, long ttl, RecordType type, List<byte[]> strings) implements DnsRecord {
    public Txt {
      strings = List.copyOf(strings);
    }

    public Txt(String name, long ttl, List<byte[]> strings) {
      this(name, ttl, RecordType.TXT, strings);
    }

    public static Txt ofStrings(String name, long ttl, String... strings) {
      return new Txt(
          name,
          ttl,
          java.util.Arrays.stream(strings).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** The strings joined, decoded as UTF-8 (invalid octets become U+FFFD). */
    public String text() {
      if (strings.size() == 1) return new String(strings.get(0), StandardCharsets.UTF_8);
      var out = new java.io.ByteArrayOutputStream();
      strings.forEach(out::writeBytes);
      return out.toString(StandardCharsets.UTF_8);
    }

    public List<String> stringsAsText() {
      return strings.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String data() {
      var sb = new StringBuilder();
      for (String s : stringsAsText()) {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      return sb.toString();
    }
  }

  record Ptr(String name, long ttl, String target) implements DnsRecord {
    @Override
    public RecordType type() {
      return RecordType.PTR;
    }

    @Override
    public String data() {
      return target + ".";
    }
  }

  record Cname(String name, long ttl, String target) implements DnsRecord {
    @Override
    public RecordType type() {
      return RecordType.CNAME;
    }

    @Override
    public String data() {
      return target + ".";
    }
  }

  /** Any other type (NS, SOA, TLSA, CAA...), kept in presentation form. */
  record Other(String name, long ttl, RecordType type, String data) implements DnsRecord {}
}
