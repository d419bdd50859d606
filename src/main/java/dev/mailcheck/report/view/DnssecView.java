package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code dnssec} view: per name, mailcheck's own validation verdict.
 *
 * @param anchors where validation started (the built-in root anchors or a trust-anchor file)
 */
public record DnssecView(String anchors, List<Entry> names) implements View {
  public DnssecView {
    names = List.copyOf(names);
  }

  /**
   * @param role {@code domain} (its MX answer) or {@code mx} (an MX host's A answer)
   * @param question the validated question, e.g. {@code example.com/MX}
   * @param outcome the answer's outcome (NOERROR, NODATA, NXDOMAIN, SERVFAIL, TIMEOUT...)
   * @param status secure, insecure, bogus or indeterminate
   * @param zone the zone that signed the answer, when signed
   * @param reason why bogus, insecure or indeterminate (empty when secure)
   * @param bogusReason the typed cause of a bogus answer (e.g. signature-expired), or empty
   * @param proof for insecure: the parent's NSEC/NSEC3 record proving the delegation has no DS
   * @param anchor the trust anchor the chain starts from ("." for the root), or empty
   * @param upstreamAd the AD bit the resolver set: shown, never trusted
   */
  public record Entry(
      String name,
      String role,
      String question,
      String outcome,
      String status,
      String zone,
      String reason,
      String bogusReason,
      String proof,
      String anchor,
      boolean upstreamAd) {}
}
