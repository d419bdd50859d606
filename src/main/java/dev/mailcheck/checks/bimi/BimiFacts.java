package dev.mailcheck.checks.bimi;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.https.HttpsResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the BIMI lookups returned: the TXT answers at {@code SELECTOR._bimi.DOMAIN} and, when that
 * has no BIMI record, at the organizational domain (in that order), and the fetches of the logo and
 * the evidence document named by the record that applies.
 */
public record BimiFacts(
    String domain,
    String selector,
    Map<String, DnsResult> lookups,
    Optional<HttpsResult> logo,
    Optional<HttpsResult> evidence) {
  public BimiFacts {
    lookups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lookups));
  }

  static List<String> bimiRecords(DnsResult r) {
    return r.recordsOrEmpty().stream()
        .filter(x -> x instanceof DnsRecord.Txt)
        .map(x -> ((DnsRecord.Txt) x).text())
        .filter(BimiRecord::isBimi)
        .toList();
  }

  /** The name whose BIMI records apply: the first lookup with any. */
  public Optional<String> recordAt() {
    return lookups.entrySet().stream()
        .filter(e -> !bimiRecords(e.getValue()).isEmpty())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  public List<String> records() {
    return recordAt().map(n -> bimiRecords(lookups.get(n))).orElse(List.of());
  }

  /** The one record that applies, parsed (valid or not). */
  public Optional<BimiRecord> record() {
    List<String> r = records();
    return r.size() == 1 ? Optional.of(BimiRecord.parse(r.get(0))) : Optional.empty();
  }

  /** The first lookup failed temporarily and none found a record. */
  public boolean lookupFailed() {
    return recordAt().isEmpty()
        && lookups.values().stream().anyMatch(DnsResult::isTemporaryFailure);
  }
}
