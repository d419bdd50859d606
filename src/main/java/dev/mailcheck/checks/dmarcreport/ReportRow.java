package dev.mailcheck.checks.dmarcreport;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <record>} of an aggregate report (RFC 7489 Appendix C): a source address, how many
 * messages, what the receiver evaluated and applied, and the raw authentication results.
 *
 * @param disposition {@code none}, {@code quarantine} or {@code reject} as applied ({@code
 *     policy_evaluated/disposition})
 * @param dkim the DMARC-aligned DKIM result, {@code pass} or {@code fail} ({@code
 *     policy_evaluated/dkim})
 * @param spf the DMARC-aligned SPF result ({@code policy_evaluated/spf})
 * @param overrides {@code policy_evaluated/reason/type}: forwarded, sampled_out, trusted_forwarder,
 *     mailing_list, local_policy, other
 */
public record ReportRow(
    String sourceIp,
    long count,
    String disposition,
    String dkim,
    String spf,
    List<String> overrides,
    String headerFrom,
    String envelopeFrom,
    List<AuthResult> dkimResults,
    List<AuthResult> spfResults) {
  public ReportRow {
    Objects.requireNonNull(sourceIp);
    overrides = List.copyOf(overrides);
    dkimResults = List.copyOf(dkimResults);
    spfResults = List.copyOf(spfResults);
  }

  /** DMARC passes when either aligned result passes (RFC 7489 §4.2). */
  public boolean dmarcPass() {
    return dkim.equals("pass") || spf.equals("pass");
  }

  /**
   * One {@code auth_results/dkim} or {@code auth_results/spf} entry.
   *
   * @param selector the DKIM selector ({@code s=}), or the SPF scope ({@code mfrom}, {@code helo})
   */
  public record AuthResult(String domain, String selector, String result) {}
}
