package dev.mailcheck.checks.dkim;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.view.DkimAuditView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fetch half of the key audit: which selectors to try, and what DNS says about each.
 *
 * <p>Selectors come from {@code --selector} first, then from the providers the domain's MX and SPF
 * include targets point at ({@link ProviderSelectors}), then from a short list of common defaults.
 * All names, and {@code _domainkey.DOMAIN} itself, are asked at once through {@link
 * DnsClient#resolveAll}. NXDOMAIN for {@code _domainkey.DOMAIN} means no key exists under any
 * selector (RFC 8020); NOERROR/NODATA means keys may exist under selectors nobody guessed.
 */
public final class DkimAudit {
  static final String EXPLICIT = DkimAuditView.EXPLICIT;
  static final String COMMON = "common";

  /**
   * The facts the evaluator needs.
   *
   * @param domainKeyTree outcome for {@code _domainkey.DOMAIN}: NOERROR/NODATA (exists), NXDOMAIN,
   *     or a failure word
   * @param providers names of the providers recognized from MX/SPF
   * @param probes one per selector tried, in trial order
   */
  public record Facts(
      String domain,
      String domainKeyTree,
      boolean domainKeyTreeTemporary,
      List<String> providers,
      List<SelectorProbe> probes) {
    public Facts {
      providers = List.copyOf(providers);
      probes = List.copyOf(probes);
    }
  }

  private static final Pattern SPF_TARGET =
      Pattern.compile("(?i)(?:^|\\s)[+?~-]?(?:include:|redirect=)([^\\s]+)");

  private DkimAudit() {}

  /**
   * Fetches MX and SPF of the domain to find its providers, then probes every selector.
   *
   * @param providerHosts MX exchanges and SPF include targets, when the caller (the domain command)
   *     already has them; empty to have them fetched here
   */
  public static Facts fetch(
      String domain, List<String> selectors, List<String> providerHosts, DnsClient dns) {
    List<String> hosts = new ArrayList<>(providerHosts);
    if (hosts.isEmpty()) hosts.addAll(providerHosts(domain, dns));
    List<ProviderSelectors.Provider> providers = ProviderSelectors.match(hosts);

    Map<String, String> candidates = new LinkedHashMap<>();
    selectors.forEach(s -> candidates.putIfAbsent(s.toLowerCase(Locale.ROOT), EXPLICIT));
    for (var p : providers) p.selectors().forEach(s -> candidates.putIfAbsent(s, p.name()));
    ProviderSelectors.COMMON.forEach(s -> candidates.putIfAbsent(s, COMMON));

    List<DnsQuestion> questions = new ArrayList<>();
    questions.add(DnsQuestion.of("_domainkey." + domain, RecordType.TXT));
    candidates
        .keySet()
        .forEach(s -> questions.add(DnsQuestion.of(s + "._domainkey." + domain, RecordType.TXT)));
    List<DnsResult> answers = dns.resolveAll(questions);

    DnsResult tree = answers.get(0);
    List<SelectorProbe> probes = new ArrayList<>();
    int i = 1;
    for (var e : candidates.entrySet())
      probes.add(probe(e.getKey(), e.getValue(), answers.get(i++)));
    return new Facts(
        domain,
        tree.outcome(),
        tree.isTemporaryFailure(),
        providers.stream().map(ProviderSelectors.Provider::name).toList(),
        probes);
  }

  /**
   * MX exchanges and SPF include:/redirect= targets of the domain (one level; SPF is not
   * evaluated).
   */
  static List<String> providerHosts(String domain, DnsClient dns) {
    List<DnsResult> r =
        dns.resolveAll(
            List.of(DnsQuestion.of(domain, RecordType.MX), DnsQuestion.of(domain, RecordType.TXT)));
    List<String> hosts = new ArrayList<>();
    r.get(0).recordsOrEmpty().stream()
        .filter(DnsRecord.Mx.class::isInstance)
        .map(x -> ((DnsRecord.Mx) x).exchange())
        .forEach(hosts::add);
    for (DnsRecord rec : r.get(1).recordsOrEmpty()) {
      if (!(rec instanceof DnsRecord.Txt t)) continue;
      String text = t.text();
      if (!text.toLowerCase(Locale.ROOT).startsWith("v=spf1")) continue;
      Matcher m = SPF_TARGET.matcher(text);
      while (m.find()) hosts.add(m.group(1));
    }
    return hosts;
  }

  private static SelectorProbe probe(String selector, String source, DnsResult r) {
    List<String> chain = r.cnameChain();
    // Show where the chain ends too: the owner of the TXT record is the CNAME target.
    List<String> shown = new ArrayList<>(chain);
    r.recordsOrEmpty().stream()
        .findFirst()
        .map(DnsRecord::name)
        .filter(owner -> !shown.isEmpty() && !shown.contains(owner))
        .ifPresent(shown::add);
    chain = shown;
    List<String> texts =
        r.recordsOrEmpty().stream()
            .filter(DnsRecord.Txt.class::isInstance)
            .map(x -> ((DnsRecord.Txt) x).text())
            .toList();
    // A wildcard or stray TXT at the name is not a key: prefer records that look like one.
    Optional<String> keyText =
        texts.stream().filter(t -> t.contains("p=") || t.startsWith("v=DKIM1")).findFirst();
    return new SelectorProbe(
        selector,
        source,
        r.outcome(),
        r.isTemporaryFailure(),
        texts,
        keyText.map(DkimKey::parse),
        chain);
  }
}
