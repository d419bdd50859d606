package dev.mailcheck.checks.mtasts;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.https.HttpsResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the MTA-STS lookups returned: the {@code _mta-sts} TXT answer and the policy fetch (made at
 * the same time, whatever the TXT answer says, so that a policy published without its record is
 * seen too).
 */
public record MtaStsFacts(String domain, DnsResult txt, HttpsResult policyFetch) {
  public MtaStsFacts {
    Objects.requireNonNull(domain);
    Objects.requireNonNull(txt);
    Objects.requireNonNull(policyFetch);
  }

  public static String policyUrl(String domain) {
    return "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
  }

  /** The TXT records that begin with v=STSv1 (the others are discarded, RFC 8461 §3.1). */
  public List<String> stsRecords() {
    return stsRecords(txt);
  }

  /** The v=STSv1 records of a {@code _mta-sts} TXT answer. */
  public static List<String> stsRecords(DnsResult txt) {
    return txt.recordsOrEmpty().stream()
        .filter(r -> r instanceof DnsRecord.Txt)
        .map(r -> ((DnsRecord.Txt) r).text())
        .filter(StsRecord::isSts)
        .toList();
  }

  /** The one record senders use: exactly one v=STSv1 record that parses. */
  public Optional<StsRecord> record() {
    List<String> r = stsRecords();
    if (r.size() != 1) return Optional.empty();
    StsRecord rec = StsRecord.parse(r.get(0));
    return rec.valid() ? Optional.of(rec) : Optional.empty();
  }

  /** The policy, when the fetch returned 200. */
  public Optional<StsPolicy> policy() {
    return policyFetch instanceof HttpsResult.Response r && r.status() == 200
        ? Optional.of(StsPolicy.parse(r.body()))
        : Optional.empty();
  }

  /**
   * The policy senders apply: a valid record, a 200 text/plain response, a policy without fatal
   * problems. Empty otherwise (RFC 8461 §3: the domain then has no usable policy).
   */
  public Optional<StsPolicy> usablePolicy() {
    if (record().isEmpty()) return Optional.empty();
    if (!(policyFetch instanceof HttpsResult.Response r) || r.status() != 200)
      return Optional.empty();
    if (!r.mediaType().equals("text/plain")) return Optional.empty();
    return policy().filter(StsPolicy::valid);
  }
}
