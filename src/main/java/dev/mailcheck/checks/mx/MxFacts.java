package dev.mailcheck.checks.mx;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the MX lookups of one domain returned.
 *
 * @param mx the MX lookup of the domain
 * @param hosts the exchanges sorted by preference, then name; for a domain without MX records, the
 *     implicit MX (the domain itself, RFC 5321 §5.1); empty for a null MX or a failed lookup
 * @param implicit true when {@code hosts} holds the implicit MX
 */
public record MxFacts(String domain, DnsResult mx, List<MxHost> hosts, boolean implicit) {
  public MxFacts {
    Objects.requireNonNull(domain);
    Objects.requireNonNull(mx);
    hosts =
        hosts.stream()
            .sorted(Comparator.comparingInt(MxHost::preference).thenComparing(MxHost::exchange))
            .toList();
  }

  /** The MX records as published, in answer order. */
  public List<DnsRecord.Mx> records() {
    return mx instanceof DnsResult.Records r ? r.of(DnsRecord.Mx.class) : List.of();
  }

  /** RFC 7505: an MX record with the root as exchange says the domain accepts no mail. */
  public boolean nullMx() {
    return records().stream().anyMatch(r -> r.exchange().isEmpty());
  }
}
