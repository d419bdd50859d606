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

  public boolean explicit() {
    return source.equals(DkimAudit.EXPLICIT);
  }
}
