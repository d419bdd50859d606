package dev.mailcheck.checks.dkim;

import java.util.List;
import java.util.Optional;

/**
 * What the audit learned about one selector.
 *
 * @param source where the selector came from: {@code --selector}, a provider name, or {@code
 *     common}
 * @param outcome the DNS outcome word (NOERROR, NXDOMAIN, NODATA, SERVFAIL, TIMEOUT...)
 * @param records every TXT record at the name, joined per record
 * @param key the parsed key record, when one was found
 * @param cnameChain CNAMEs followed to reach the record (ESP delegation)
 */
public record SelectorProbe(
    String selector,
    String source,
    String outcome,
    boolean temporaryFailure,
    List<String> records,
    Optional<DkimKey> key,
    List<String> cnameChain) {
  public SelectorProbe {
    records = List.copyOf(records);
    cnameChain = List.copyOf(cnameChain);
  }

  public boolean found() {
    return key.isPresent();
  }

  /**
   * Why the key found here cannot verify mail (empty when it can, or when no key was found).
   * Several TXT records at the name make any key there unreliable (RFC 6376 §3.6.2.2).
   */
  List<KeyDefect> defects() {
    if (key.isEmpty()) return List.of();
    List<KeyDefect> out = new java.util.ArrayList<>();
    if (records.size() > 1) out.add(KeyDefect.SEVERAL_RECORDS);
    out.addAll(key.get().defects());
    return List.copyOf(out);
  }

  /** A key was found and nothing keeps it from verifying mail. */
  public boolean usable() {
    return found() && defects().isEmpty();
  }

  public boolean explicit() {
    return source.equals(DkimAudit.EXPLICIT);
  }
}
