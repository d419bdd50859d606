package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code dkim} view of {@code mailcheck dkim DOMAIN} (and of the domain report).
 *
 * @param domainKeyTree DNS outcome for {@code _domainkey.DOMAIN} (NOERROR, NODATA, NXDOMAIN, ...)
 * @param providers mail providers recognized from MX and SPF
 * @param selectors every selector tried
 */
public record DkimAuditView(
    String domain, String domainKeyTree, List<String> providers, List<SelectorView> selectors)
    implements View {
  /** The {@code source} of a selector the user named with {@code --selector}. */
  public static final String EXPLICIT = "--selector";

  public DkimAuditView {
    providers = List.copyOf(providers);
    selectors = List.copyOf(selectors);
  }

  /**
   * One selector as JSON shows it; key fields are null when no key was found.
   *
   * @param source {@code --selector}, a provider name, or {@code common}
   * @param dns the DNS outcome of the TXT query
   * @param keyType {@code k=} (rsa, ed25519, or what the record says)
   * @param keyBits the key length read from the key itself
   * @param record the key record text as published
   * @param cnameChain CNAMEs followed (ESP delegation)
   * @param unusable why the key found cannot verify mail (several TXT records, syntax, revoked,
   *     {@code s=} without email, {@code h=} without sha256, RSA under 1024 bits); null when it can
   *     or when no key was found
   */
  public record SelectorView(
      String selector,
      String source,
      boolean found,
      String dns,
      String keyType,
      Integer keyBits,
      Boolean testing,
      Boolean revoked,
      String record,
      List<String> cnameChain,
      String unusable) {
    public SelectorView {
      cnameChain = List.copyOf(cnameChain);
    }
  }
}
