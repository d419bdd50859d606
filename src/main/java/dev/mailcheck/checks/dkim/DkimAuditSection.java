package dev.mailcheck.checks.dkim;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dkim} JSON section of {@code mailcheck dkim DOMAIN} (and of the domain report).
 *
 * @param domainKeyTree DNS outcome for {@code _domainkey.DOMAIN} (NOERROR, NODATA, NXDOMAIN, ...)
 * @param providers mail providers recognized from MX and SPF
 * @param selectors every selector tried
 */
public record DkimAuditSection(
    String domain, String domainKeyTree, List<String> providers, List<SelectorView> selectors)
    implements DkimSection {
  public DkimAuditSection {
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

  static DkimAuditSection of(DkimAudit.Facts facts) {
    List<SelectorView> views = new ArrayList<>();
    for (SelectorProbe p : facts.probes()) {
      var key = p.key();
      views.add(
          new SelectorView(
              p.selector(),
              p.source(),
              p.found(),
              p.outcome(),
              key.map(DkimKey::keyType).orElse(null),
              key.filter(k -> k.keyBits() > 0).map(DkimKey::keyBits).orElse(null),
              key.map(DkimKey::testing).orElse(null),
              key.map(DkimKey::revoked).orElse(null),
              key.map(DkimKey::record).orElse(null),
              p.cnameChain(),
              KeyFindings.unusableReason(p).orElse(null)));
    }
    return new DkimAuditSection(facts.domain(), facts.domainKeyTree(), facts.providers(), views);
  }

  @Override
  public List<String> textLines() {
    List<String> lines = new ArrayList<>();
    lines.add("_domainkey." + domain + ": " + domainKeyTree);
    if (!providers.isEmpty()) lines.add("providers: " + String.join(", ", providers));
    for (SelectorView v : selectors) {
      if (!v.found()
          && !v.source().equals(DkimAudit.EXPLICIT)
          && v.dns().matches("NXDOMAIN|NODATA")) continue;
      String via =
          v.cnameChain().isEmpty()
              ? ""
              : " (via CNAME " + String.join(" -> ", v.cnameChain()) + ")";
      if (v.found()) {
        String desc =
            Boolean.TRUE.equals(v.revoked())
                ? "revoked"
                : v.keyType() + (v.keyBits() == null ? "" : " " + v.keyBits() + " bits");
        lines.add(
            v.selector()
                + "._domainkey."
                + domain
                + ": "
                + desc
                + (Boolean.TRUE.equals(v.testing()) ? ", testing" : "")
                + (v.unusable() == null || Boolean.TRUE.equals(v.revoked())
                    ? ""
                    : ", unusable: " + v.unusable())
                + via);
      } else if (v.dns().matches("NOERROR|NXDOMAIN|NODATA")) {
        lines.add(v.selector() + "._domainkey." + domain + ": no key (" + v.dns() + ")" + via);
      } else {
        // A temporary failure is not absence (issue 11 item 13).
        lines.add(
            v.selector()
                + "._domainkey."
                + domain
                + ": could not look up ("
                + v.dns()
                + "); the key may exist"
                + via);
      }
    }
    long tried = selectors.size();
    long found = selectors.stream().filter(SelectorView::found).count();
    long usable = selectors.stream().filter(v -> v.found() && v.unusable() == null).count();
    lines.add(
        found
            + " key(s) found"
            + (usable == found ? "" : " (" + usable + " usable)")
            + ", "
            + tried
            + " selector(s) tried");
    return lines;
  }
}
