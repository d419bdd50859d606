package dev.mailcheck.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * dnsjava's {@link Resolver} over our {@link DnsClient}: what dnsjava's validating resolver asks
 * goes through the run's resolver stack ({@link DnsClient#querySigned}), so that its cache, trace,
 * recording, replay, failover and deadlines apply to every DNSKEY and DS lookup of the chain.
 *
 * <p>A temporary failure (SERVFAIL, REFUSED, timeout) fails the returned stage with {@link
 * LookupFailed} instead of becoming a reply: the validator would read an empty SERVFAIL reply as
 * "DNSKEY missing" and call the answer bogus, where the truth is that nothing could be determined.
 */
final class DnsClientResolver implements Resolver {
  /** A lookup of the chain failed; carries the failure for the report. */
  static final class LookupFailed extends IOException {
    final transient DnsResult result;

    LookupFailed(DnsResult result) {
      super(result.question() + ": " + result.outcome() + " " + detail(result));
      this.result = result;
    }

    private static String detail(DnsResult r) {
      return switch (r) {
        case DnsResult.ServFail s -> "(" + s.detail() + ")";
        case DnsResult.Refused s -> "(" + s.detail() + ")";
        case DnsResult.Timeout s -> "(" + s.detail() + ")";
        default -> "";
      };
    }
  }

  private final DnsClient dns;

  DnsClientResolver(DnsClient dns) {
    this.dns = dns;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    Record question = query.getQuestion();
    Optional<RecordType> type = RecordType.ofCode(question.getType());
    if (type.isEmpty() || question.getDClass() != DClass.IN) {
      return CompletableFuture.failedFuture(
          new IOException("mailcheck does not ask for type " + question.getType()));
    }
    DnsQuestion q = DnsQuestion.of(DnsjavaRecords.name(question.getName()), type.get());
    return dns.querySigned(q)
        .thenCompose(
            a ->
                a.outcome().isTemporaryFailure()
                    ? CompletableFuture.<Message>failedFuture(new LookupFailed(a.outcome()))
                    : CompletableFuture.completedFuture(message(query, a)));
  }

  /** The reply rebuilt as dnsjava's message from our records (zone-file presentation form). */
  static Message message(Message query, SignedAnswer a) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.RD);
    m.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.CD)) m.getHeader().setFlag(Flags.CD);
    if (a.authenticData()) m.getHeader().setFlag(Flags.AD);
    m.getHeader()
        .setRcode(a.outcome() instanceof DnsResult.NxDomain ? Rcode.NXDOMAIN : Rcode.NOERROR);
    m.addRecord(query.getQuestion(), Section.QUESTION);
    for (DnsRecord r : a.answer()) toRecord(r).ifPresent(x -> m.addRecord(x, Section.ANSWER));
    for (DnsRecord r : a.authority()) toRecord(r).ifPresent(x -> m.addRecord(x, Section.AUTHORITY));
    m.addRecord(new OPTRecord(Limits.EDNS_PAYLOAD, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    return m;
  }

  static Optional<Record> toRecord(DnsRecord r) {
    try {
      Name owner = r.name().isEmpty() ? Name.root : Name.fromString(r.name() + ".");
      return Optional.of(
          Record.fromString(
              owner, r.type().code(), DClass.IN, r.ttl(), DnsRecording.zoneData(r), Name.root));
    } catch (IOException | RuntimeException e) {
      // A record we cannot rebuild is left out; the validator then finds a signature or proof
      // missing and says so.
      return Optional.empty();
    }
  }

  // The validating resolver configures its head resolver; ours is configured by the run.

  @Override
  public void setPort(int port) {}

  @Override
  public void setTCP(boolean flag) {}

  @Override
  public void setIgnoreTruncation(boolean flag) {}

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {}

  @Override
  public void setTSIGKey(TSIG key) {}

  @Override
  public void setTimeout(Duration timeout) {}

  static Name nameOf(String name) throws TextParseException {
    return name.isEmpty() ? Name.root : Name.fromString(name + ".");
  }
}
