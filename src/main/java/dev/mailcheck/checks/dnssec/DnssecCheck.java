package dev.mailcheck.checks.dnssec;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.DnssecValidator;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.Validation;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.DnssecView;
import dev.mailcheck.report.view.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mailcheck dnssec DOMAIN}, and the DNSSEC part of {@code domain}: the domain's MX answer
 * and each MX host's A answer, validated from the run's trust anchors. The MX hosts are taken from
 * the signed MX answer itself, so a bogus MX set is still followed (and reported).
 */
public final class DnssecCheck implements Check<String, DnssecFacts> {
  @Override
  public CompletableFuture<DnssecFacts> fetch(String domain, CheckContext ctx) {
    CheckSettings s = ctx.settings();
    DnssecValidator validator = DnssecValidator.over(ctx.dns(), s.dnssecAnchors(), s.clock());
    return validator
        .validate(DnsQuestion.of(domain, RecordType.MX))
        .thenCompose(
            mx -> {
              List<String> hosts = hosts(domain, mx);
              List<CompletableFuture<DnssecFacts.Host>> each =
                  hosts.stream()
                      .map(
                          h ->
                              validator
                                  .validate(DnsQuestion.of(h, RecordType.A))
                                  .thenApply(v -> new DnssecFacts.Host(h, v)))
                      .toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          new DnssecFacts(
                              domain,
                              mx,
                              each.stream().map(CompletableFuture::join).toList(),
                              s.dnssecAnchors().source()));
            });
  }

  /** The MX hosts of the answer; the domain itself for an implicit MX (RFC 5321 §5.1). */
  static List<String> hosts(String domain, Validation mx) {
    if (mx.outcome() instanceof DnsResult.NoData) return List.of(domain);
    if (!(mx.outcome() instanceof DnsResult.Records r)) return List.of();
    LinkedHashSet<String> out = new LinkedHashSet<>();
    r.of(DnsRecord.Mx.class).stream()
        .sorted(Comparator.comparingInt(DnsRecord.Mx::preference))
        .map(DnsRecord.Mx::exchange)
        .filter(e -> !e.isEmpty())
        .limit(Limits.DNSSEC_HOSTS)
        .forEach(out::add);
    return new ArrayList<>(out);
  }

  @Override
  public List<Finding> evaluate(String domain, DnssecFacts facts, CheckSettings settings) {
    return DnssecEvaluator.evaluate(facts);
  }

  @Override
  public View view(String domain, DnssecFacts facts) {
    List<DnssecView.Entry> entries = new ArrayList<>();
    entries.add(entry(domain, "domain", facts.domain()));
    for (DnssecFacts.Host h : facts.hosts()) entries.add(entry(h.name(), "mx", h.validation()));
    return new DnssecView(facts.anchors(), entries);
  }

  static DnssecView.Entry entry(String name, String role, Validation v) {
    return new DnssecView.Entry(
        name,
        role,
        v.question().toString(),
        v.outcome().outcome(),
        v.status().name().toLowerCase(Locale.ROOT),
        v.zone().orElse(""),
        v.reason(),
        v.bogusReason().map(b -> b.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(""),
        v.insecureProof().orElse(""),
        v.anchor().map(a -> a.isEmpty() ? "." : a).orElse(""),
        v.upstreamAd());
  }

  /** Nothing could be determined: every validation failed for lookups. */
  @Override
  public boolean undetermined(DnssecFacts facts) {
    return facts.domain().status() == dev.mailcheck.dns.DnssecStatus.INDETERMINATE
        && facts.domain().outcome().isTemporaryFailure();
  }
}
