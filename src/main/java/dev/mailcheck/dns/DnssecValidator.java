package dev.mailcheck.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * DNSSEC validation by mailcheck itself (RFC 4033-4035, RFC 5155), from the run's trust anchors,
 * with dnsjava's {@link ValidatingResolver} over the run's resolver: every DNSKEY and DS lookup of
 * the chain goes through the shared cache, trace, recording and deadlines, so each zone's keys are
 * asked once per run however many names are validated. The AD bit of the upstream resolver is kept
 * for display and never trusted: the questions are sent with CD so that bogus data reaches the
 * validator and gets a reason.
 *
 * <p>One instance validates many questions and keeps the validated keys between them. Thread-safe.
 */
public final class DnssecValidator {

  private final DnsClient dns;
  private final TrustAnchors anchors;
  private final ValidatingResolver resolver;
  private final Clock clock;
  private final Executor executor = r -> Thread.ofVirtual().name("dnssec").start(r);

  private DnssecValidator(DnsClient dns, TrustAnchors anchors, Clock clock) {
    this.dns = dns;
    this.anchors = anchors;
    this.clock = clock;
    this.resolver = new ValidatingResolver(new DnsClientResolver(dns), clock);
    try {
      resolver.loadTrustAnchors(
          new ByteArrayInputStream(anchors.zoneText().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException("trust anchors do not load: " + e.getMessage(), e);
    }
  }

  /** A validator over the run's resolver; {@code clock} decides whether signatures are current. */
  public static DnssecValidator over(DnsClient dns, TrustAnchors anchors, Clock clock) {
    return new DnssecValidator(dns, anchors, clock);
  }

  public TrustAnchors anchors() {
    return anchors;
  }

  /** Validates one question; never fails: lookup failures make it indeterminate. */
  public CompletableFuture<Validation> validate(DnsQuestion q) {
    Optional<String> anchor = anchors.closestTo(q.name());
    return dns.querySigned(q)
        .thenCompose(
            answer -> {
              if (answer.outcome().isTemporaryFailure()) {
                return CompletableFuture.completedFuture(
                    new Validation(
                        answer,
                        DnssecStatus.INDETERMINATE,
                        Optional.empty(),
                        "the lookup failed: "
                            + new DnsClientResolver.LookupFailed(answer.outcome()).getMessage(),
                        Optional.empty(),
                        Optional.empty(),
                        anchor));
              }
              return send(q)
                  .thenCompose(m -> judge(answer, m, anchor))
                  .exceptionally(e -> failed(answer, e, anchor));
            });
  }

  private CompletableFuture<Message> send(DnsQuestion q) {
    try {
      Message query =
          Message.newQuery(
              Record.newRecord(DnsClientResolver.nameOf(q.name()), q.type().code(), DClass.IN));
      return resolver.sendAsync(query, executor).toCompletableFuture();
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Validation> judge(
      SignedAnswer answer, Message m, Optional<String> anchor) {
    Optional<String> zone = signer(answer);
    Optional<String> reason = reason(m);
    if (m.getHeader().getFlag(Flags.AD)) {
      return done(
          new Validation(
              answer, DnssecStatus.SECURE, zone, "", Optional.empty(), Optional.empty(), anchor));
    }
    if (m.getRcode() == Rcode.SERVFAIL) {
      BogusReason why = ede(m).map(BogusReason::ofEde).orElse(BogusReason.OTHER);
      String words = reason.orElse("the answer does not validate");
      if (why == BogusReason.SIGNATURE_EXPIRED || why == BogusReason.SIGNATURE_NOT_YET_VALID) {
        return done(bogus(answer, zone, words, why, anchor));
      }
      // dnsjava reports an expired signature over the DNSKEY set as "keyset not secured": look at
      // the signatures' validity periods ourselves, so that the report says what to fix.
      return outdated(answer, zone)
          .thenApply(
              o ->
                  o.map(
                          out ->
                              bogus(
                                  answer,
                                  zone,
                                  out.words() + " (" + words + ")",
                                  out.reason(),
                                  anchor))
                      .orElseGet(() -> bogus(answer, zone, words, why, anchor)));
    }
    if (anchor.isEmpty()) {
      return done(
          new Validation(
              answer,
              DnssecStatus.INSECURE,
              Optional.empty(),
              "no trust anchor covers " + display(answer.question().name()),
              Optional.empty(),
              Optional.empty(),
              anchor));
    }
    String words = reason.orElse("the answer is not signed and the chain proves it may not be");
    // An unsigned answer is insecure only with the chain to prove it: when a lookup of that chain
    // failed (the anchor's keys, a DS on the way), nothing is proven either way.
    return dns.querySigned(DnsQuestion.of(anchor.get(), RecordType.DNSKEY))
        .thenCompose(
            keys ->
                keys.outcome().isTemporaryFailure()
                    ? done(Proof.failed(keys.outcome()))
                    : insecureProof(answer.question().name(), anchor.get()))
        .thenApply(
            proof ->
                proof.failure().isPresent()
                    ? new Validation(
                        answer,
                        DnssecStatus.INDETERMINATE,
                        Optional.empty(),
                        "a lookup of the chain failed: "
                            + new DnsClientResolver.LookupFailed(proof.failure().get())
                                .getMessage(),
                        Optional.empty(),
                        Optional.empty(),
                        anchor)
                    : new Validation(
                        answer,
                        DnssecStatus.INSECURE,
                        Optional.empty(),
                        words,
                        Optional.empty(),
                        proof.record(),
                        anchor));
  }

  /** The insecure delegation's proof, or the lookup that failed while looking for it. */
  private record Proof(Optional<String> record, Optional<DnsResult> failure) {
    static Proof of(String record) {
      return new Proof(Optional.of(record), Optional.empty());
    }

    static Proof none() {
      return new Proof(Optional.empty(), Optional.empty());
    }

    static Proof failed(DnsResult r) {
      return new Proof(Optional.empty(), Optional.of(r));
    }
  }

  private static Validation bogus(
      SignedAnswer answer,
      Optional<String> zone,
      String words,
      BogusReason why,
      Optional<String> anchor) {
    return new Validation(
        answer, DnssecStatus.BOGUS, zone, words, Optional.of(why), Optional.empty(), anchor);
  }

  private record Outdated(BogusReason reason, String words) {}

  private static final java.time.format.DateTimeFormatter RRSIG_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
          .withZone(java.time.ZoneOffset.UTC);

  /** An RRSIG of the answer, or of its zone's DNSKEY set, outside its validity period. */
  private CompletableFuture<Optional<Outdated>> outdated(SignedAnswer a, Optional<String> zone) {
    Optional<Outdated> own = outdated(a.answer());
    if (own.isPresent() || zone.isEmpty()) return done(own);
    return dns.querySigned(DnsQuestion.of(zone.get(), RecordType.DNSKEY))
        .thenApply(k -> outdated(k.answer()));
  }

  private Optional<Outdated> outdated(List<DnsRecord> records) {
    java.time.Instant now = clock.instant();
    for (DnsRecord r : records) {
      if (r.type() != RecordType.RRSIG) continue;
      String[] f = r.data().split("\\s+");
      if (f.length < 8) continue;
      try {
        java.time.Instant expires = java.time.Instant.from(RRSIG_TIME.parse(f[4]));
        java.time.Instant incepts = java.time.Instant.from(RRSIG_TIME.parse(f[5]));
        String what = "the RRSIG over " + display(r.name()) + "/" + f[0] + " (key " + f[6] + ")";
        if (expires.isBefore(now))
          return Optional.of(
              new Outdated(BogusReason.SIGNATURE_EXPIRED, what + " expired " + expires));
        if (incepts.isAfter(now))
          return Optional.of(
              new Outdated(
                  BogusReason.SIGNATURE_NOT_YET_VALID, what + " is valid only from " + incepts));
      } catch (java.time.DateTimeException e) {
        // not the YYYYMMDDHHmmSS form (a serial-number timestamp): not judged here
      }
    }
    return Optional.empty();
  }

  private static Validation failed(SignedAnswer answer, Throwable e, Optional<String> anchor) {
    Throwable cause = unwrap(e);
    String why =
        cause instanceof DnsClientResolver.LookupFailed lf
            ? "a lookup of the chain failed: " + lf.getMessage()
            : "validation failed: "
                + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage());
    return new Validation(
        answer,
        DnssecStatus.INDETERMINATE,
        Optional.empty(),
        why,
        Optional.empty(),
        Optional.empty(),
        anchor);
  }

  /**
   * The parent's signed proof that the delegation on the way from the anchor to {@code name} has no
   * DS (RFC 4035 §5.2): the DS lookups the validator made, top-down, are asked again (answered by
   * the run's cache) until one is denied by an NSEC with the NS bit (or an NSEC3).
   */
  private CompletableFuture<Proof> insecureProof(String name, String anchor) {
    List<String> labels = name.isEmpty() ? List.of() : Arrays.asList(name.split("\\."));
    int anchorLabels = anchor.isEmpty() ? 0 : anchor.split("\\.").length;
    List<String> path = new ArrayList<>();
    for (int n = anchorLabels + 1;
        n <= labels.size() && path.size() < Limits.DNSSEC_PROOF_LEVELS;
        n++) {
      path.add(String.join(".", labels.subList(labels.size() - n, labels.size())));
    }
    return proofFrom(path, 0);
  }

  private CompletableFuture<Proof> proofFrom(List<String> path, int i) {
    if (i >= path.size()) return done(Proof.none());
    String cut = path.get(i);
    return dns.querySigned(DnsQuestion.of(cut, RecordType.DS))
        .thenCompose(
            a -> {
              if (a.outcome().isTemporaryFailure()) return done(Proof.failed(a.outcome()));
              if (a.outcome() instanceof DnsResult.Records) return proofFrom(path, i + 1);
              for (DnsRecord r : a.authority()) {
                if (r.type() == RecordType.NSEC && r.name().equals(cut)) {
                  List<String> types =
                      Arrays.asList(r.data().toUpperCase(Locale.ROOT).split("\\s+"));
                  if (types.contains("NS") && !types.contains("DS") && !types.contains("SOA")) {
                    return done(Proof.of(NetworkDnsClient.presentation(r)));
                  }
                }
                if (r.type() == RecordType.NSEC3) {
                  return done(Proof.of(NetworkDnsClient.presentation(r)));
                }
              }
              return proofFrom(path, i + 1);
            });
  }

  /** The signer name of the answer's (or the denial's) signatures. */
  static Optional<String> signer(SignedAnswer a) {
    for (List<DnsRecord> section : List.of(a.answer(), a.authority())) {
      for (DnsRecord r : section) {
        if (r.type() == RecordType.RRSIG) {
          String[] f = r.data().split("\\s+");
          if (f.length > 7) return Optional.of(DnsQuestion.normalize(f[7]));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> reason(Message m) {
    for (Record r : m.getSection(Section.ADDITIONAL)) {
      if (r instanceof TXTRecord t && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS)
        return Optional.of(String.join("", t.getStrings()));
    }
    return Optional.empty();
  }

  private static Optional<Integer> ede(Message m) {
    OPTRecord opt = m.getOPT();
    if (opt == null) return Optional.empty();
    for (EDNSOption o : opt.getOptions()) {
      if (o instanceof ExtendedErrorCodeOption e) return Optional.of(e.getErrorCode());
    }
    return Optional.empty();
  }

  private static String display(String name) {
    return name.isEmpty() ? "." : name;
  }

  private static <T> CompletableFuture<T> done(T v) {
    return CompletableFuture.completedFuture(v);
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
