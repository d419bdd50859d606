package dev.mailcheck.checks.arc;

import dev.mailcheck.checks.arc.ArcChain.ArcSet;
import dev.mailcheck.checks.arc.ArcChain.ArcSignature;
import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.Canonicalization;
import dev.mailcheck.checks.dkim.DkimAlgorithm;
import dev.mailcheck.checks.dkim.DkimCrypto;
import dev.mailcheck.checks.dkim.DkimKey;
import dev.mailcheck.checks.dkim.DkimMessage;
import dev.mailcheck.checks.dkim.DkimMessage.HeaderField;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ARC chain validation (RFC 8617 §5.2), pure: the chain, the header section, the key records and
 * the AMS body hashes in, the chain validation status out.
 *
 * <ol>
 *   <li>No ARC field: {@code none}.
 *   <li>The newest ARC-Seal says {@code cv=fail}: {@code fail} (the chain was already broken).
 *   <li>Structure (§5.1.1): every instance 1..N complete and unique; {@code cv=none} at i=1 and
 *       {@code cv=pass} above.
 *   <li>The newest ARC-Message-Signature validates (DKIM rules, RFC 6376 §6).
 *   <li>Every ARC-Seal from N down to 1 validates.
 * </ol>
 *
 * Then the oldest pass: the lowest instance from which every AMS up to N still validates, which
 * tells where the message was last changed.
 */
public final class ArcValidator {
  private ArcValidator() {}

  /** RFC 8301 §3.2 and the ARC suite: RSA keys under 1024 bits do not validate. */
  static final int MIN_RSA_BITS = 1024;

  /**
   * The verdict on one instance.
   *
   * @param ams pass or fail, or "not checked" (older AMS do not decide the chain)
   */
  public record Instance(
      int instance,
      String sealDomain,
      String sealSelector,
      String amsDomain,
      String cv,
      String ams,
      String amsReason,
      String seal,
      String sealReason,
      String authservId) {}

  /**
   * @param cv none, pass or fail (RFC 8617 §4.1.3)
   * @param reason why, in a few words
   * @param oldestPass the lowest instance from which every AMS validates; 0 when unknown
   * @param temporary a key lookup failed temporarily: the fail may not be final
   */
  public record Result(
      String cv, String reason, List<Instance> instances, int oldestPass, boolean temporary) {
    public Result {
      instances = List.copyOf(instances);
    }

    public static Result none() {
      return new Result("none", "no ARC sets", List.of(), 0, false);
    }

    /** The d= of the newest seal: who vouches for the chain. */
    public Optional<String> sealer() {
      return instances.isEmpty()
          ? Optional.empty()
          : Optional.of(instances.get(instances.size() - 1).sealDomain());
    }
  }

  private record Check(boolean ok, String reason, boolean temporary) {
    static Check pass() {
      return new Check(true, "pass", false);
    }

    static Check fail(String reason) {
      return new Check(false, reason, false);
    }
  }

  public static Result validate(
      ArcChain chain,
      List<HeaderField> headers,
      Map<String, DnsResult> keys,
      Map<BodyHashes.Request, BodyHashes.Result> bodies) {
    if (!chain.present()) return Result.none();
    if (chain.structureError().isPresent())
      return new Result("fail", chain.structureError().get(), List.of(), 0, false);
    List<ArcSet> sets = chain.sets();
    int n = sets.size();
    ArcSet newest = sets.get(n - 1);
    List<Instance> instances = new ArrayList<>();
    for (ArcSet s : sets) instances.add(instance(s, "not checked", "", "not checked", ""));
    if (newest.seal().cv().equals("fail"))
      return new Result(
          "fail",
          "ARC-Seal i=" + n + " says cv=fail: the chain was already broken",
          instances,
          0,
          false);
    for (ArcSet s : sets) {
      Optional<String> err =
          s.seal().error().or(() -> s.ams().error()).map(e -> "i=" + s.instance() + ": " + e);
      if (err.isPresent()) return new Result("fail", err.get(), instances, 0, false);
      String want = s.instance() == 1 ? "none" : "pass";
      if (!s.seal().cv().equals(want))
        return new Result(
            "fail",
            "ARC-Seal i=" + s.instance() + " has cv=" + s.seal().cv() + ", expected cv=" + want,
            instances,
            0,
            false);
    }

    Check ams = verifyAms(newest.ams(), headers, keys, bodies);
    instances.set(
        n - 1, instance(newest, ams.ok() ? "pass" : "fail", ams.reason(), "not checked", ""));
    if (!ams.ok())
      return new Result(
          "fail",
          "ARC-Message-Signature i=" + n + " does not validate: " + ams.reason(),
          instances,
          0,
          ams.temporary());

    for (int k = n; k >= 1; k--) {
      ArcSet s = sets.get(k - 1);
      Check seal = verifySeal(sets.subList(0, k), keys);
      Instance prev = instances.get(k - 1);
      instances.set(
          k - 1,
          new Instance(
              prev.instance(),
              prev.sealDomain(),
              prev.sealSelector(),
              prev.amsDomain(),
              prev.cv(),
              prev.ams(),
              prev.amsReason(),
              seal.ok() ? "pass" : "fail",
              seal.reason(),
              prev.authservId()));
      if (!seal.ok())
        return new Result(
            "fail",
            "ARC-Seal i=" + s.instance() + " does not validate: " + seal.reason(),
            instances,
            0,
            seal.temporary());
    }

    int oldest = n;
    for (int k = n - 1; k >= 1; k--) {
      ArcSet s = sets.get(k - 1);
      Check c = verifyAms(s.ams(), headers, keys, bodies);
      Instance prev = instances.get(k - 1);
      instances.set(
          k - 1,
          new Instance(
              prev.instance(),
              prev.sealDomain(),
              prev.sealSelector(),
              prev.amsDomain(),
              prev.cv(),
              c.ok() ? "pass" : "fail",
              c.reason(),
              prev.seal(),
              prev.sealReason(),
              prev.authservId()));
      if (!c.ok()) break;
      oldest = k;
    }
    return new Result(
        "pass", "every seal of the " + n + " instance(s) validates", instances, oldest, false);
  }

  /**
   * Parses, looks up and validates a message held in memory: the whole of §5.2 in one call (tests,
   * the conformance suite). The message analysis instead runs the lookups beside its others.
   */
  public static Result validate(DkimMessage message, DnsClient dns) {
    ArcChain chain = ArcChain.parse(message.headers());
    List<DnsQuestion> questions =
        chain.keyNames().stream().map(k -> DnsQuestion.of(k, RecordType.TXT)).toList();
    List<DnsResult> answers = dns.resolveAll(questions);
    Map<String, DnsResult> keys = new java.util.HashMap<>();
    for (int i = 0; i < questions.size(); i++) keys.put(chain.keyNames().get(i), answers.get(i));
    BodyHashes hashes = new BodyHashes(chain.bodyRequests());
    byte[] body = message.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    hashes.update(body, 0, body.length);
    return validate(chain, message.headers(), keys, hashes.finish());
  }

  private static Instance instance(
      ArcSet s, String ams, String amsReason, String seal, String sealReason) {
    return new Instance(
        s.instance(),
        s.seal().domain(),
        s.seal().selector(),
        s.ams().domain(),
        s.seal().cv(),
        ams,
        amsReason,
        seal,
        sealReason,
        authservId(s.aar().value()));
  }

  /** The authserv-id of an ARC-Authentication-Results: after {@code i=N;}, up to the next ';'. */
  static String authservId(String value) {
    int semi = value.indexOf(';');
    if (semi < 0) return "";
    String rest = value.substring(semi + 1);
    int end = rest.indexOf(';');
    String id = (end < 0 ? rest : rest.substring(0, end)).replaceAll("\\([^)]*\\)", "").strip();
    int sp = id.indexOf(' ');
    return sp < 0 ? id : id.substring(0, sp);
  }

  private static Check verifyAms(
      ArcSignature ams,
      List<HeaderField> headers,
      Map<String, DnsResult> keys,
      Map<BodyHashes.Request, BodyHashes.Result> bodies) {
    var key = key(ams, keys);
    if (key.isEmpty()) return keyProblem(ams, keys);
    BodyHashes.Result body =
        bodies.get(new BodyHashes.Request(ams.bodyCanon(), "SHA-256", Long.MAX_VALUE));
    if (body == null) return Check.fail("body hash not computed");
    if (!MessageDigest.isEqual(body.hash(), ams.bodyHash()))
      return Check.fail("body hash mismatch (bh=): the body changed after this instance signed it");
    String data =
        DkimCrypto.headerHashInput(headers, ams.signedHeaders(), ams.headerCanon(), ams.field());
    return DkimCrypto.verify(ams.algorithm().orElseThrow(), key.get(), data, ams.signature())
        ? Check.pass()
        : Check.fail("signature mismatch (b=): a signed header field changed");
  }

  /** §5.1.1: the seal signs every ARC set up to its own, in order, relaxed; its own b= emptied. */
  private static Check verifySeal(List<ArcSet> upTo, Map<String, DnsResult> keys) {
    ArcSignature seal = upTo.get(upTo.size() - 1).seal();
    var key = key(seal, keys);
    if (key.isEmpty()) return keyProblem(seal, keys);
    StringBuilder data = new StringBuilder();
    Canonicalization r = Canonicalization.RELAXED;
    for (int i = 0; i < upTo.size(); i++) {
      ArcSet s = upTo.get(i);
      data.append(DkimCrypto.canonicalHeader(r, s.aar()));
      data.append(DkimCrypto.canonicalHeader(r, s.ams().field()));
      if (i < upTo.size() - 1) data.append(DkimCrypto.canonicalHeader(r, s.seal().field()));
      else data.append(DkimCrypto.canonicalHeaderWithoutB(r, s.seal().field()));
    }
    return DkimCrypto.verify(
            seal.algorithm().orElseThrow(), key.get(), data.toString(), seal.signature())
        ? Check.pass()
        : Check.fail("signature mismatch (b=): an ARC set changed or the key does not match");
  }

  private static Optional<DkimKey> key(ArcSignature sig, Map<String, DnsResult> keys) {
    DnsResult r = keys.get(sig.keyName().orElse(""));
    if (!(r instanceof DnsResult.Records rs)) return Optional.empty();
    DkimAlgorithm alg = sig.algorithm().orElseThrow();
    return rs.of(DnsRecord.Txt.class).stream()
        .map(t -> DkimKey.cached(t.text()))
        .filter(DkimKey::usable)
        .filter(k -> k.keyType().equals(alg.keyType()))
        .filter(
            k ->
                !(k.publicKey().get() instanceof RSAPublicKey rsa)
                    || rsa.getModulus().bitLength() >= MIN_RSA_BITS)
        .findFirst();
  }

  private static Check keyProblem(ArcSignature sig, Map<String, DnsResult> keys) {
    String name = sig.keyName().orElse("");
    DnsResult r = keys.get(name);
    if (r == null) return Check.fail("key " + name + " not looked up");
    if (r.isTemporaryFailure())
      return new Check(false, "key lookup for " + name + " failed: " + r.outcome(), true);
    if (!(r instanceof DnsResult.Records)) return Check.fail("no key record at " + name);
    return Check.fail(
        "no usable key at " + name + " (revoked, malformed, wrong type or under 1024 bits)");
  }
}
