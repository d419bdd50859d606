package dev.mailcheck.checks.dmarcreport;

import java.util.List;
import java.util.Map;

/**
 * Everything the reports say about one source address, summed over every report and record.
 *
 * @param dmarcPass messages that passed DMARC (aligned DKIM or aligned SPF pass)
 * @param dkimAligned messages whose DKIM result, as the receiver evaluated it for DMARC, passed
 * @param spfAligned the same for SPF
 * @param failUnaligned failing messages with a raw DKIM or SPF pass for another domain (an ESP
 *     signing with its own domain, a bounce address at the provider)
 * @param failOwnDkim failing messages that carry a DKIM signature of the From domain that did not
 *     verify (a missing or wrong selector key, or a body changed on the way)
 * @param failSpfOwn failing messages whose SPF check of the From domain (aligned MAIL FROM) failed:
 *     the address is not in SPF
 * @param failOverride failing messages the receiver let through for a reason (forwarded, mailing
 *     list, local policy)
 * @param failNoAuth failing messages with no passing authentication at all and no override
 * @param dispositions messages per applied disposition (none, quarantine, reject)
 * @param overrides messages per override reason type
 * @param headerFrom messages per RFC5322.From domain
 * @param dkimSignatures messages per raw DKIM result, as "d=DOMAIN s=SELECTOR RESULT"
 * @param spfDomains messages per raw SPF result, as "DOMAIN (SCOPE) RESULT"
 * @param reporters the organizations that reported the source
 */
public record SourceStats(
    String ip,
    long messages,
    long dmarcPass,
    long dkimAligned,
    long spfAligned,
    long failUnaligned,
    long failOwnDkim,
    long failSpfOwn,
    long failOverride,
    long failNoAuth,
    Map<String, Long> dispositions,
    Map<String, Long> overrides,
    Map<String, Long> headerFrom,
    Map<String, Long> dkimSignatures,
    Map<String, Long> spfDomains,
    List<String> reporters) {
  public SourceStats {
    dispositions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dispositions));
    overrides = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(overrides));
    headerFrom = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(headerFrom));
    dkimSignatures = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dkimSignatures));
    spfDomains = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(spfDomains));
    reporters = List.copyOf(reporters);
  }

  public long dmarcFail() {
    return messages - dmarcPass;
  }
}
