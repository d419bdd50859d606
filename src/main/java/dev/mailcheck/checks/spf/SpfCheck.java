package dev.mailcheck.checks.spf;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.SpfView;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The SPF check as commands call it: {@link #audit} for {@code mailcheck spf DOMAIN} and the domain
 * report, {@link #evaluate} for {@code mailcheck spf DOMAIN --ip ADDR}.
 */
public final class SpfCheck {
  private SpfCheck() {}

  /** Audits the published policy of {@code domain} (lower case A-labels, no trailing dot). */
  public static SpfReport audit(String domain, DnsClient dns) {
    return SpfAudit.audit(domain, dns, SpfOptions.defaults());
  }

  public static SpfReport audit(String domain, DnsClient dns, SpfOptions options) {
    return SpfAudit.audit(domain, dns, options);
  }

  /**
   * Evaluates {@code check_host(ip, domain, sender)} (RFC 7208 §4) and adds the audit's tree for
   * context. {@code sender} is the MAIL FROM address; when empty, {@code postmaster@domain} (RFC
   * 7208 §2.4).
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
    SpfEvaluation e = new SpfEvaluator(dns, options).checkHost(ip, domain, from, heloName);
    SpfReport audit = SpfAudit.audit(domain, dns, options);
    Finding finding =
        Finding.of(
                FindingId.SPF_RESULT,
                status(e.result()),
                "SPF " + e.result().token() + " for " + InetAddresses.format(ip))
            .detail(e.reason() + ".")
            .evidence(e.explanation().map(x -> List.of("explanation: " + x)).orElse(List.of()))
            .subject(from)
            .build();
    SpfView s = audit.section();
    SpfView section =
        new SpfView(
            domain,
            Optional.of(InetAddresses.format(ip)),
            Optional.of(from),
            Optional.of(heloName),
            Optional.of(e.result().token()),
            Optional.of(e.reason()),
            e.explanation(),
            s.record(),
            e.lookups(),
            e.voidLookups(),
            s.tree(),
            e.steps());
    return new SpfReport(List.of(finding), section);
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
