package dev.mailcheck.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;

/**
 * Converts dnsjava records into ours at the {@code dns/} edge, so that nothing from dnsjava leaks
 * out of this package. Names become lower case without the trailing dot; TXT strings keep their raw
 * octets; a null MX (RFC 7505, exchange ".") gets the exchange "".
 */
final class DnsjavaRecords {
  private DnsjavaRecords() {}

  /** Our form of a dnsjava name: lower case, no trailing dot; the root is "". */
  static String name(Name n) {
    return n.toString(true).toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
  }

  /** Empty for types mailcheck has no {@link RecordType} for (RRSIG, DNAME...). */
  static Optional<DnsRecord> convert(Record r) {
    String owner = name(r.getName());
    long ttl = r.getTTL();
    DnsRecord out =
        switch (r) {
          case ARecord a -> new DnsRecord.Address(owner, ttl, bare(a.getAddress()));
          case AAAARecord a -> new DnsRecord.Address(owner, ttl, bare(a.getAddress()));
          case MXRecord mx -> new DnsRecord.Mx(owner, ttl, mx.getPriority(), name(mx.getTarget()));
          case TXTRecord txt ->
              new DnsRecord.Txt(owner, ttl, RecordType.TXT, txt.getStringsAsByteArrays());
          case SPFRecord spf ->
              new DnsRecord.Txt(owner, ttl, RecordType.SPF, spf.getStringsAsByteArrays());
          case PTRRecord p -> new DnsRecord.Ptr(owner, ttl, name(p.getTarget()));
          case CNAMERecord c -> new DnsRecord.Cname(owner, ttl, name(c.getTarget()));
          default ->
              RecordType.ofCode(r.getType())
                  .map(t -> (DnsRecord) new DnsRecord.Other(owner, ttl, t, r.rdataToString()))
                  .orElse(null);
        };
    return Optional.ofNullable(out);
  }

  /** dnsjava attaches the owner name as the address's host name; we keep only the address. */
  private static InetAddress bare(InetAddress a) {
    try {
      return InetAddress.getByAddress(a.getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
