package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SPF check as commands call it: {@link #audit} for {@code mailcheck spf DOMAIN} and the domain
 * report, {@link #evaluate} for {@code mailcheck spf DOMAIN --ip ADDR}. It composes the three
 * steps: {@link SpfTreeFetcher} (the I/O), {@link SpfAudit} and {@link SpfEvaluator} (the
 * judgements), {@link SpfViewBuilder} (the report's view).
 */
public final class SpfCheck {
  private SpfCheck() {}

  /** Audits the published policy of {@code domain} (lower case A-labels, no trailing dot). */
  public static SpfReport audit(String domain, DnsClient dns) {
    return audit(domain, dns, SpfOptions.defaults());
  }

  public static SpfReport audit(String domain, DnsClient dns, SpfOptions options) {
    SpfAudit.Result r = SpfAudit.audit(SpfTreeFetcher.fetch(dns, domain, options).join(), options);
    return new SpfReport(r.findings(), SpfViewBuilder.audit(r));
  }

  /**
   * Evaluates {@code check_host(ip, domain, sender)} (RFC 7208 §4) and adds the audit's tree for
   * context. {@code sender} is the MAIL FROM address; when empty, {@code postmaster@domain} (RFC
   * 7208 §2.4). The audit's tree is fetched beside the evaluation, not after it: both ask the same
   * {@code dns}, which coalesces and caches their common questions.
   */
  public static SpfReport evaluate(
      String domain,
      InetAddress ip,
      Optional<String> sender,
      Optional<String> helo,
      DnsClient dns,
      SpfOptions options) {
    String from = sender.filter(s -> !s.isBlank()).orElse("postmaster@" + domain);
    if (from.startsWith("@")) from = "postmaster" + from;
    String heloName = helo.orElse(domain);
    CompletableFuture<SpfTree> tree = SpfTreeFetcher.fetch(dns, domain, options);
    SpfEvaluation e = new SpfEvaluator(dns, options).checkHost(ip, domain, from, heloName);
    SpfAudit.Result audit = SpfAudit.audit(tree.join(), options);
    Finding finding =
        Finding.of(
                "spf.result",
                status(e.result()),
                "SPF " + e.result().token() + " for " + InetAddresses.format(ip))
            .detail(e.reason() + ".")
            .evidence(e.explanation().map(x -> List.of("explanation: " + x)).orElse(List.of()))
            .subject(from)
            .build();
    return new SpfReport(List.of(finding), SpfViewBuilder.evaluation(e, ip, from, heloName, audit));
  }

  /** How a result reads as a finding for the sender's domain. */
  static Status status(SpfResult r) {
    return switch (r) {
      case PASS -> Status.PASS;
      case FAIL, PERMERROR -> Status.FAIL;
      case SOFTFAIL, NEUTRAL, NONE -> Status.WARN;
      case TEMPERROR -> Status.ERROR;
    };
  }
}
