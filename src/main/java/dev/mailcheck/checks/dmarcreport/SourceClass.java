package dev.mailcheck.checks.dmarcreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a source looks like from its DMARC results. Pure heuristics, documented in
 * docs/dmarc-reports.md:
 *
 * <ul>
 *   <li>{@link #ALIGNED}: every message passed DMARC;
 *   <li>{@link #FORWARDED}: most failures carry an override reason (forwarded, mailing list, local
 *       policy), or come from a mailbox provider's servers with a broken signature of the domain or
 *       no authentication (forwarding breaks SPF, list footers break DKIM);
 *   <li>{@link #UNALIGNED}: failures that still authenticate (DKIM or SPF pass for another domain,
 *       a signature of the domain that does not verify), or a source that also sends aligned mail:
 *       a legitimate sender to fix;
 *   <li>{@link #SPOOFING}: failures with no passing authentication at all and no aligned mail.
 * </ul>
 */
public enum SourceClass {
  ALIGNED,
  UNALIGNED,
  FORWARDED,
  SPOOFING;

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceClass of(SourceStats s, Optional<Providers.Provider> provider) {
    long fail = s.dmarcFail();
    if (fail == 0) return ALIGNED;
    if (s.failOverride() * 2 >= fail) return FORWARDED;
    boolean mailbox = provider.map(Providers.Provider::mailbox).orElse(false);
    // A failing SPF check of the domain itself is what spoofing looks like too: it counts as
    // legitimate only next to aligned mail from the same source.
    long authenticated = s.failUnaligned() + s.failOwnDkim();
    if (mailbox && s.failUnaligned() * 2 < fail) return FORWARDED;
    if (authenticated > 0 || s.dmarcPass() > 0) return UNALIGNED;
    return SPOOFING;
  }

  /** What to change so that a legitimate source aligns, from its raw results. */
  public static List<String> advice(SourceStats s, String domain, Optional<Providers.Provider> p) {
    List<String> out = new ArrayList<>();
    String who = p.map(x -> x.name()).orElse("this sender");
    for (Map.Entry<String, Long> e : s.dkimSignatures().entrySet()) {
      String[] parts = e.getKey().split(" ");
      if (parts.length < 3) continue;
      String d = parts[0].substring(2);
      String sel = parts[1].substring(2);
      String result = parts[2];
      if (d.isEmpty()) continue;
      boolean own = d.equals(domain) || d.endsWith("." + domain) || domain.endsWith("." + d);
      if (result.equals("pass") && !own)
        out.add(
            "It signs with DKIM d="
                + d
                + ", not your domain: set up DKIM for "
                + domain
                + " at "
                + who
                + " (publish the selector record it gives you under _domainkey."
                + domain
                + ").");
      else if (!result.equals("pass") && own)
        out.add(
            "Its DKIM signature d="
                + d
                + (sel.isEmpty() ? "" : " s=" + sel)
                + " does not verify ("
                + result
                + "): publish the key at "
                + (sel.isEmpty() ? "<selector>" : sel)
                + "._domainkey."
                + d
                + " or fix the one there.");
    }
    for (Map.Entry<String, Long> e : s.spfDomains().entrySet()) {
      String[] parts = e.getKey().split(" ");
      if (parts.length < 3) continue;
      String d = parts[0];
      String result = parts[parts.length - 1];
      boolean own = d.equals(domain) || d.endsWith("." + domain) || domain.endsWith("." + d);
      if (result.equals("pass") && !own)
        out.add(
            "SPF passes for "
                + d
                + " (the bounce domain of "
                + who
                + "), which is not aligned: use a return path (MAIL FROM) in "
                + domain
                + " there, or rely on aligned DKIM.");
      else if (result.matches("fail|softfail|none") && own)
        out.add(
            s.ip()
                + " is not in the SPF record of "
                + d
                + ": add it (or "
                + who
                + "'s include) if it sends for you.");
    }
    return out.stream().distinct().limit(4).toList();
  }
}
