package dev.mailcheck.checks.send;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.SendView;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mailcheck send}: one delivery. To a named server, one attempt; to the recipient domain's
 * MX hosts, in preference order, the next one after a connection failure or a temporary (4xx)
 * answer, as an MTA does (RFC 5321 §5.1); a domain without MX records is its own implicit MX, a
 * null MX (RFC 7505) accepts no mail. Every attempt is kept for the report.
 */
public final class SendCheck implements Check<SendCheck.Query, SendFacts> {
  /**
   * @param request the probe with its transaction; its host is the server, or the first MX's
   *     stand-in when {@code mxDomain} is set
   * @param mxDomain deliver to this domain's MX hosts instead of {@code request}'s host
   */
  public record Query(ProbeRequest request, Optional<String> mxDomain) {
    public Query {
      if (request.transaction().isEmpty())
        throw new IllegalArgumentException("a send query needs a transaction");
    }
  }

  @Override
  public CompletableFuture<SendFacts> fetch(Query q, CheckContext ctx) {
    if (q.mxDomain().isEmpty())
      return ctx.async(
          () ->
              new SendFacts(
                  Optional.empty(),
                  List.of(
                      new SendFacts.Attempt(
                          q.request().host(), Optional.empty(), ctx.smtp().probe(q.request())))));
    String domain = q.mxDomain().get();
    return ctx.dns()
        .query(domain, RecordType.MX)
        .thenCompose(mx -> ctx.async(() -> deliver(q, domain, mx, ctx)));
  }

  private static SendFacts deliver(Query q, String domain, DnsResult mx, CheckContext ctx) {
    List<DnsRecord.Mx> hosts;
    switch (mx) {
      case DnsResult.Records r -> {
        hosts =
            r.of(DnsRecord.Mx.class).stream()
                .sorted(Comparator.comparingInt(DnsRecord.Mx::preference))
                .toList();
        if (hosts.stream().anyMatch(h -> h.exchange().isEmpty() || h.exchange().equals(".")))
          return new SendFacts(
              Optional.of(domain + " publishes a null MX (RFC 7505): it accepts no mail"),
              List.of());
      }
      case DnsResult.NoData n -> hosts = List.of(new DnsRecord.Mx(domain, 0, 0, domain));
      case DnsResult.NxDomain n -> {
        return new SendFacts(Optional.of(domain + " does not exist (NXDOMAIN)"), List.of());
      }
      default -> {
        return new SendFacts(
            Optional.of("the MX lookup of " + domain + " failed: " + outcome(mx)), List.of());
      }
    }
    var attempts = new ArrayList<SendFacts.Attempt>();
    for (DnsRecord.Mx h : hosts) {
      String host =
          h.exchange().endsWith(".")
              ? h.exchange().substring(0, h.exchange().length() - 1)
              : h.exchange();
      ProbeResult r = ctx.smtp().probe(q.request().forHost(host));
      attempts.add(new SendFacts.Attempt(host, Optional.of(h.preference()), r));
      if (!worthTheNextMx(r)) break;
    }
    return new SendFacts(Optional.empty(), attempts);
  }

  /**
   * RFC 5321 §5.1: the next MX is tried when this one could not be reached or answered with a
   * temporary failure; a permanent refusal (5xx) is the domain's answer.
   */
  static boolean worthTheNextMx(ProbeResult r) {
    if (r.failure().isEmpty()) return false;
    Failure f = r.failure().get();
    if (f.phase() == Phase.DNS || f.phase() == Phase.CONNECT) return true;
    if (f.kind() == Failure.Kind.UNSUPPORTED || f.kind() == Failure.Kind.CERTIFICATE) return false;
    return f.temporary();
  }

  private static String outcome(DnsResult r) {
    return switch (r) {
      case DnsResult.ServFail s -> "SERVFAIL";
      case DnsResult.Timeout t -> "timeout";
      case DnsResult.Refused x -> "REFUSED";
      default -> r.getClass().getSimpleName();
    };
  }

  @Override
  public List<Finding> evaluate(Query q, SendFacts facts, CheckSettings settings) {
    return SendEvaluator.evaluate(q, facts, settings.switches());
  }

  @Override
  public SendView view(Query q, SendFacts facts) {
    return SendViews.of(q, facts);
  }

  @Override
  public List<String> transcript(SendFacts facts) {
    var out = new ArrayList<String>();
    for (SendFacts.Attempt a : facts.attempts()) {
      if (facts.attempts().size() > 1) out.add("--- " + a.host() + " ---");
      out.addAll(a.result().transcript());
    }
    return out;
  }

  /** Nothing was learned: no MX could be looked up, or no attempt got a reply. */
  @Override
  public boolean undetermined(SendFacts facts) {
    if (facts.attempts().isEmpty())
      return facts.mxProblem().map(p -> p.contains("failed")).orElse(true);
    return facts.attempts().stream()
        .allMatch(
            a ->
                a.result().banner().isEmpty()
                    && a.result()
                        .failure()
                        .map(f -> f.kind() != Failure.Kind.REFUSED)
                        .orElse(false));
  }
}
