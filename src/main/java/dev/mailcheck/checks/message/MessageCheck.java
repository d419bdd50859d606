package dev.mailcheck.checks.message;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.arc.ArcChain;
import dev.mailcheck.checks.arc.ArcValidator;
import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.DkimVerifier;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.checks.dkim.Verification;
import dev.mailcheck.checks.dmarc.DmarcFacts;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.ptr.PtrFacts;
import dev.mailcheck.checks.spf.SpfCheck;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.MessageView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code mailcheck message}: why a received message was trusted, junked or bounced. The fetch reads
 * the header section (already in the {@link MessageInput}), derives the connection from the trace,
 * and starts every lookup at once: the SPF evaluation, the From domain's DMARC policy, the
 * connecting address's PTR, the ARC keys and (inside the DKIM verifier) the DKIM keys; the body is
 * then read once, feeding the DKIM and ARC body hashes and the {@link BodyScan}. Evaluate and view
 * are pure ({@link MessageEvaluator}, {@link MessageViews}).
 */
public final class MessageCheck implements Check<MessageCheck.Query, MessageFacts> {
  /**
   * @param ip the connecting address, instead of the trace's (--ip)
   * @param helo the HELO name, instead of the trace's
   * @param mailFrom the MAIL FROM, instead of Return-Path ("" is the null sender)
   * @param bulkProfile the bulk-sender rules decide (fail) instead of informing
   */
  public record Query(
      MessageInput input,
      Optional<InetAddress> ip,
      Optional<String> helo,
      Optional<String> mailFrom,
      TrustBoundary boundary,
      boolean bulkProfile) {
    public static Query of(MessageInput input) {
      return new Query(
          input,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          new TrustBoundary.Auto(),
          false);
    }
  }

  /**
   * Reading the body may fail; the future then completes with an {@link UncheckedIOException} whose
   * cause is the {@link IOException}.
   */
  @Override
  public CompletableFuture<MessageFacts> fetch(Query q, CheckContext ctx) {
    MessageInput input = q.input();
    MessageHeaders headers = MessageHeaders.read(input.headers(), input.headerEnded());
    Trace trace = Trace.of(headers, q.boundary());
    Connection conn = Connection.of(q, headers, trace);

    Optional<SpfCheck.Query> spfQuery = Optional.empty();
    if (conn.ip().isPresent() && conn.spfDomain().isPresent()) {
      Optional<String> domain = normalized(conn.spfDomain().get());
      if (domain.isPresent()) {
        String sender = conn.mailFrom().isEmpty() ? "postmaster@" + domain.get() : conn.mailFrom();
        spfQuery =
            Optional.of(
                new SpfCheck.Query(
                    domain.get(),
                    conn.ip(),
                    Optional.of(sender),
                    Optional.of(conn.helo().isEmpty() ? domain.get() : conn.helo())));
      }
    }
    CompletableFuture<Optional<SpfCheck.Facts>> spf =
        spfQuery.isPresent()
            ? Checks.SPF.fetch(spfQuery.get(), ctx).thenApply(Optional::of)
            : CompletableFuture.completedFuture(Optional.empty());
    Optional<String> fromDomain = headers.fromDomain().flatMap(MessageCheck::normalized);
    CompletableFuture<Optional<DmarcFacts>> dmarc =
        fromDomain.isPresent()
            ? Checks.DMARC.fetch(fromDomain.get(), ctx).thenApply(Optional::of)
            : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<Optional<PtrFacts>> ptr =
        conn.ip().isPresent()
            ? Checks.PTR
                .fetch(new PtrCheck.Query(conn.ip().get(), Optional.empty()), ctx)
                .thenApply(Optional::of)
            : CompletableFuture.completedFuture(Optional.empty());

    ArcChain chain = ArcChain.parse(headers.fields());
    Map<String, CompletableFuture<DnsResult>> arcKeys = new LinkedHashMap<>();
    for (String name : chain.keyNames())
      arcKeys.put(name, ctx.dns().query(DnsQuestion.of(name, RecordType.TXT)));

    BodyHashes arcHashes = new BodyHashes(chain.bodyRequests());
    BodyScan scan = new BodyScan(headers.contentType(), headers.looksLikeTextBounce());
    CompletableFuture<Verification> dkim =
        ctx.async(
            () -> {
              var verifier =
                  new DkimVerifier(
                      ctx.dns(), ctx.settings().clock(), DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
              try {
                return verifier.verify(
                    headers.fields(),
                    sink ->
                        input.streamBody(
                            (b, off, len) -> {
                              sink.update(b, off, len);
                              arcHashes.update(b, off, len);
                              scan.update(b, off, len);
                            }),
                    input::lineEndingsConverted);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    CompletableFuture<?> all =
        CompletableFuture.allOf(
            spf,
            dmarc,
            ptr,
            dkim,
            CompletableFuture.allOf(arcKeys.values().toArray(CompletableFuture[]::new)));
    Optional<SpfCheck.Query> sq = spfQuery;
    return all.thenApply(
        v -> {
          Map<String, DnsResult> keys = new LinkedHashMap<>();
          arcKeys.forEach((k, f) -> keys.put(k, f.join()));
          ArcValidator.Result arc =
              ArcValidator.validate(chain, headers.fields(), keys, arcHashes.finish());
          return new MessageFacts(
              headers,
              trace,
              conn,
              scan.finish(),
              input.lineEndingsConverted(),
              dkim.join(),
              arc,
              sq,
              spf.join(),
              dmarc.join(),
              ptr.join());
        });
  }

  private static Optional<String> normalized(String domain) {
    try {
      return Optional.of(DomainNames.normalize(domain));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Finding> evaluate(Query q, MessageFacts facts, CheckSettings settings) {
    return MessageEvaluator.evaluate(facts, q.bulkProfile(), settings);
  }

  @Override
  public MessageView view(Query q, MessageFacts facts) {
    return MessageViews.view(facts, q.bulkProfile());
  }
}
