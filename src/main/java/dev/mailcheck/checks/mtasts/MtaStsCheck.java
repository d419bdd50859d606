package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.HttpsDocuments;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.MtaStsView;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The MTA-STS record and policy of a domain (RFC 8461 §3). The policy against the MX hosts and
 * their certificates is {@link MtaStsCoverage}, which needs the MX facts and the port-25 probes.
 */
public final class MtaStsCheck implements Check<String, MtaStsFacts> {
  @Override
  public CompletableFuture<MtaStsFacts> fetch(String domain, CheckContext ctx) {
    CompletableFuture<DnsResult> txt = ctx.dns().query("_mta-sts." + domain, RecordType.TXT);
    var request =
        HttpsDocuments.request(
            URI.create(MtaStsFacts.policyUrl(domain)), Limits.MTA_STS_POLICY_BYTES, ctx.settings());
    var policy = ctx.async(() -> ctx.https().fetch(request));
    return txt.thenCombine(policy, (t, p) -> new MtaStsFacts(domain, t, p));
  }

  @Override
  public List<Finding> evaluate(String domain, MtaStsFacts facts, CheckSettings settings) {
    return MtaStsEvaluator.evaluate(facts);
  }

  @Override
  public MtaStsView view(String domain, MtaStsFacts facts) {
    var record = facts.record();
    return new MtaStsView(
        domain,
        facts.txt().outcome(),
        facts.stsRecords(),
        record.flatMap(StsRecord::id).orElse(""),
        HttpsDocuments.view(facts.policyFetch()),
        facts
            .policy()
            .map(
                p ->
                    new MtaStsView.Policy(
                        p.version().orElse(""),
                        p.mode().map(StsPolicy.Mode::token).orElse(""),
                        p.maxAge().orElse(-1),
                        p.mx(),
                        p.lineEnding(),
                        p.unknown(),
                        p.problems().stream()
                            .map(x -> "line " + x.position() + ": " + x.message())
                            .toList())),
        List.of());
  }
}
