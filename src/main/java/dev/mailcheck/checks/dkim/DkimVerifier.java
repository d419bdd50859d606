package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.TagList;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Verifies every DKIM-Signature of a message (RFC 6376 §6, RFC 8463, RFC 8301). Key records are
 * fetched in parallel through the shared {@link DnsClient}; the clock is injected for x= and t=.
 *
 * <p>Order of checks per signature, as §6.1 lays it out: signature syntax and tags, then x= expiry,
 * then the key (temperror on a DNS failure, permerror when missing, revoked or unsuitable), then
 * the body hash ({@code bh=}) and only then the header signature ({@code b=}), so that a changed
 * body is reported as "body hash mismatch" rather than a bare signature failure.
 *
 * <p>Over the ~300-line guide on purpose: the §6.1 steps share the per-signature state (key, body
 * hashes computed once per canonicalization and length, the streamed body) and read as one
 * sequence; split apart they would pass half a dozen values between classes.
 *
 * <p>Over the ~300-line guide on purpose: the verification steps of RFC 6376 §6.1 (tag checks,
 * header selection, canonicalization, body and header hashes, key lookup, signature) in their
 * order, sharing one signature's state; split, each step would need the others' intermediate values
 * passed around.
 */
public final class DkimVerifier {
  /**
   * What to do with {@code a=rsa-sha1}. RFC 8301 §3.1 forbids verifying it; the default still
   * verifies it and warns loudly, because mail signed with it is still seen and users want to know
   * whether the signature itself is intact.
   */
  public enum Sha1Policy {
    /** Verify rsa-sha1 and warn (the result can be pass). */
    VERIFY_AND_WARN,
    /** RFC 8301 §3.1 strictly: every rsa-sha1 signature is permerror. */
    REJECT
  }

  /** Signatures dated further in the future than this are reported as {@code policy}. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

  /** RFC 8301 §3.2: verifiers MUST NOT accept RSA keys shorter than this. */
  static final int MIN_RSA_BITS = 1024;

  private final DnsClient dns;
  private final Clock clock;
  private final Sha1Policy sha1Policy;

  public DkimVerifier(DnsClient dns, Clock clock, Sha1Policy sha1Policy) {
    this.dns = dns;
    this.clock = clock;
    this.sha1Policy = sha1Policy;
  }

  /** Verifies a message held in memory (streamed through the same path as a file). */
  public Verification verify(byte[] octets) {
    try {
      return verify(MessageInput.read(octets));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Verification verify(DkimMessage message) {
    byte[] body = message.body().getBytes(StandardCharsets.ISO_8859_1);
    try {
      return verify(
          message.headers(),
          hashes -> hashes.update(body, 0, body.length),
          message::lineEndingsConverted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Verifies a message read once, front to back: the header section is in memory, and the body is
   * piped through every body hash the signatures need after the key lookups, so memory does not
   * grow with the message. The whole input is read even when no body hash is needed, so that size
   * limits and line-end conversion see all of it.
   *
   * @throws IOException when reading the body fails (including a size limit the caller's stream
   *     enforces)
   */
  public Verification verify(MessageInput message) throws IOException {
    return verify(message.headers(), message::streamBody, message::lineEndingsConverted);
  }

  /**
   * Where the body comes from: it is fed to the sink once, after the key lookups. A caller that
   * reads the body for more than DKIM (the message analysis) tees it here, so the body is read
   * once.
   */
  public interface BodySource {
    void feed(BodySink sink) throws IOException;
  }

  /** A signature whose key is usable: what is left is the body hash and the header signature. */
  private record KeyChecked(
      DkimSignature sig,
      DkimKey key,
      List<String> chain,
      List<String> warnings,
      BodyHashes.Request request) {}

  /**
   * Verifies a message whose header section is in memory and whose body {@code body} feeds once,
   * after the key lookups.
   */
  public Verification verify(
      List<DkimMessage.HeaderField> headers, BodySource body, BooleanSupplier lineEndingsConverted)
      throws IOException {
    List<DkimMessage.HeaderField> fields =
        headers.stream().filter(h -> h.is("DKIM-Signature")).toList();
    List<DkimSignature> sigs =
        fields.stream().limit(Limits.DKIM_SIGNATURES).map(DkimSignature::parse).toList();
    List<DkimSignature> needKeys = sigs.stream().filter(s -> preKeyError(s).isEmpty()).toList();
    List<DnsQuestion> questions =
        needKeys.stream().map(s -> DnsQuestion.of(s.keyName(), RecordType.TXT)).distinct().toList();
    List<DnsResult> answers = dns.resolveAll(questions);
    Map<DnsQuestion, DnsResult> byQuestion = new java.util.HashMap<>();
    for (int i = 0; i < questions.size(); i++) byQuestion.put(questions.get(i), answers.get(i));

    SignatureResult[] results = new SignatureResult[sigs.size()];
    Map<Integer, KeyChecked> checked = new LinkedHashMap<>();
    for (int i = 0; i < sigs.size(); i++) {
      DkimSignature sig = sigs.get(i);
      Optional<String> early = preKeyError(sig);
      if (early.isPresent()) {
        results[i] =
            result(
                sig,
                early.get().startsWith("POLICY:") ? DkimResult.POLICY : DkimResult.PERMERROR,
                early.get().replaceFirst("^POLICY:", ""),
                Optional.empty(),
                List.of(),
                warnings(sig, null));
        continue;
      }
      DnsResult answer = byQuestion.get(DnsQuestion.of(sig.keyName(), RecordType.TXT));
      switch (checkKey(sig, answer)) {
        case KeyOutcome.Done d -> results[i] = d.result();
        case KeyOutcome.Usable u -> checked.put(i, u.checked());
      }
    }

    BodyHashes hashes = new BodyHashes(checked.values().stream().map(KeyChecked::request).toList());
    body.feed(hashes);
    Map<BodyHashes.Request, BodyHashes.Result> bodyHashes = hashes.finish();
    checked.forEach(
        (i, k) -> results[i] = verifySignature(headers, k, bodyHashes.get(k.request())));

    List<SignatureResult> all = new ArrayList<>(List.of(results));
    for (DkimMessage.HeaderField extra : fields.subList(sigs.size(), fields.size())) {
      all.add(
          result(
              DkimSignature.parse(extra),
              DkimResult.NEUTRAL,
              "not evaluated: only the first "
                  + Limits.DKIM_SIGNATURES
                  + " signatures of a message are verified",
              Optional.empty(),
              List.of(),
              List.of()));
    }
    return new Verification(all, lineEndingsConverted.getAsBoolean());
  }

  /** The key phase ends a signature (a result) or hands it on to the body and header phase. */
  private sealed interface KeyOutcome {
    record Done(SignatureResult result) implements KeyOutcome {}

    record Usable(KeyChecked checked) implements KeyOutcome {}
  }

  /** Problems found without DNS: syntax, algorithm policy, expiry, timestamps. */
  private Optional<String> preKeyError(DkimSignature sig) {
    if (sig.error().isPresent()) return sig.error();
    if (sig.algorithm().orElseThrow() == DkimAlgorithm.RSA_SHA1 && sha1Policy == Sha1Policy.REJECT)
      return Optional.of("rsa-sha1 is not acceptable (RFC 8301 §3.1)");
    long now = clock.instant().getEpochSecond();
    if (sig.expiry().isPresent() && sig.expiry().get() < now)
      return Optional.of(
          "signature expired (x=" + java.time.Instant.ofEpochSecond(sig.expiry().get()) + ")");
    if (sig.timestamp().isPresent() && sig.timestamp().get() > now + CLOCK_SKEW.toSeconds())
      return Optional.of(
          "POLICY:signature timestamp t="
              + java.time.Instant.ofEpochSecond(sig.timestamp().get())
              + " is in the future");
    return Optional.empty();
  }

  private KeyOutcome checkKey(DkimSignature sig, DnsResult answer) {
    List<String> chain = answer.cnameChain();
    switch (answer) {
      case DnsResult.Records r -> {}
      case DnsResult.NxDomain n -> {
        return done(
            sig,
            DkimResult.PERMERROR,
            "no key record at " + sig.keyName() + " (NXDOMAIN)",
            Optional.empty(),
            chain,
            warnings(sig, null));
      }
      case DnsResult.NoData n -> {
        return done(
            sig,
            DkimResult.PERMERROR,
            "no key record at " + sig.keyName() + " (no TXT)",
            Optional.empty(),
            chain,
            warnings(sig, null));
      }
      default -> {
        return done(
            sig,
            DkimResult.TEMPERROR,
            "key lookup for " + sig.keyName() + " failed: " + answer.outcome(),
            Optional.empty(),
            chain,
            warnings(sig, null));
      }
    }
    List<DnsRecord.Txt> txts = ((DnsResult.Records) answer).of(DnsRecord.Txt.class);
    if (txts.isEmpty())
      return done(
          sig,
          DkimResult.PERMERROR,
          "no key record at " + sig.keyName(),
          Optional.empty(),
          chain,
          warnings(sig, null));
    // §3.6.2.2: several records are ambiguous; use the first that parses into a usable key.
    DkimKey key =
        txts.stream()
            .map(t -> DkimKey.cached(t.text()))
            .filter(DkimKey::usable)
            .findFirst()
            .orElse(DkimKey.cached(txts.get(0).text()));
    Optional<DkimKey> k = Optional.of(key);
    List<String> warnings = warnings(sig, key);
    DkimAlgorithm alg = sig.algorithm().orElseThrow();
    if (key.revoked())
      return done(sig, DkimResult.PERMERROR, "key revoked (empty p=)", k, chain, warnings);
    if (!key.problems().isEmpty())
      return done(
          sig, DkimResult.PERMERROR, "unusable key: " + key.problems().get(0), k, chain, warnings);
    if (!key.keyType().equals(alg.keyType()))
      return done(
          sig,
          DkimResult.PERMERROR,
          "key type k=" + key.keyType() + " does not match a=" + alg.token(),
          k,
          chain,
          warnings);
    if (!key.allowsHash(alg.hash()))
      return done(
          sig,
          DkimResult.PERMERROR,
          "key h=" + String.join(":", key.hashes()) + " does not allow " + alg.hash(),
          k,
          chain,
          warnings);
    if (!key.allowsEmail())
      return done(
          sig,
          DkimResult.PERMERROR,
          "key s=" + String.join(":", key.services()) + " is not for email",
          k,
          chain,
          warnings);
    String idDomain = sig.identity().substring(sig.identity().lastIndexOf('@') + 1);
    if (key.strict() && !idDomain.equalsIgnoreCase(sig.domain()))
      return done(
          sig,
          DkimResult.PERMERROR,
          "key t=s forbids i= in a subdomain of d= (" + idDomain + ")",
          k,
          chain,
          warnings);
    if (key.publicKey().get() instanceof RSAPublicKey rsa
        && rsa.getModulus().bitLength() < MIN_RSA_BITS)
      return done(
          sig,
          DkimResult.PERMERROR,
          "RSA key of "
              + rsa.getModulus().bitLength()
              + " bits is below the 1024-bit minimum (RFC 8301 §3.2)",
          k,
          chain,
          warnings);

    long limit =
        sig.bodyLength()
            .map(l -> l.bitLength() < 63 ? l.longValue() : Long.MAX_VALUE)
            .orElse(Long.MAX_VALUE);
    return new KeyOutcome.Usable(
        new KeyChecked(
            sig,
            key,
            chain,
            warnings,
            new BodyHashes.Request(sig.bodyCanon(), alg.digestName(), limit)));
  }

  private static KeyOutcome done(
      DkimSignature sig,
      DkimResult r,
      String reason,
      Optional<DkimKey> key,
      List<String> chain,
      List<String> warnings) {
    return new KeyOutcome.Done(result(sig, r, reason, key, chain, warnings));
  }

  /**
   * §6.1.3: the body hash ({@code bh=}, with {@code l=}), then the header signature ({@code b=}).
   */
  private static SignatureResult verifySignature(
      List<DkimMessage.HeaderField> headers, KeyChecked c, BodyHashes.Result body) {
    DkimSignature sig = c.sig();
    DkimKey key = c.key();
    Optional<DkimKey> k = Optional.of(key);
    List<String> chain = c.chain();
    List<String> warnings = c.warnings();
    DkimAlgorithm alg = sig.algorithm().orElseThrow();
    if (sig.bodyLength().isPresent()
        && sig.bodyLength().get().compareTo(BigInteger.valueOf(body.canonicalLength())) > 0)
      return result(
          sig,
          DkimResult.PERMERROR,
          "l="
              + sig.bodyLength().get()
              + " is longer than the body ("
              + body.canonicalLength()
              + " octets canonicalized)",
          k,
          chain,
          warnings);
    if (!MessageDigest.isEqual(body.hash(), sig.bodyHash()))
      return result(sig, DkimResult.FAIL, "body hash mismatch (bh=)", k, chain, warnings);

    byte[] signedData = headerHashInput(headers, sig).getBytes(StandardCharsets.ISO_8859_1);
    boolean ok = DkimCrypto.verify(alg, key, signedData, sig.signatureData());
    if (!ok)
      return result(
          sig,
          DkimResult.FAIL,
          "signature mismatch (b=): a signed header field changed or the key does not match",
          k,
          chain,
          warnings);
    String reason =
        alg == DkimAlgorithm.RSA_SHA1
            ? "good signature, but rsa-sha1 (RFC 8301 forbids it)"
            : "good signature";
    return result(sig, DkimResult.PASS, reason, k, chain, warnings);
  }

  /**
   * The data b= signs (§3.7): the h= fields, then this signature with b= emptied, no final CRLF.
   */
  static String headerHashInput(DkimMessage message, DkimSignature sig) {
    return headerHashInput(message.headers(), sig);
  }

  static String headerHashInput(List<DkimMessage.HeaderField> headers, DkimSignature sig) {
    return DkimCrypto.headerHashInput(headers, sig.signedHeaders(), sig.headerCanon(), sig.field());
  }

  /**
   * The header field with the value of its b= tag deleted "including all surrounding whitespace"
   * (RFC 6376 §3.7; §3.5 b=): everything from after the "=" up to the ";" that ends the tag-spec
   * (or the end of the field) goes, so FWS before, inside and after the base64 goes with it, and
   * the tags after b= stay as written. Only the tag named exactly {@code b} (not {@code bh}). The
   * terminating CRLF is dropped; the caller canonicalizes the result.
   *
   * <pre>{@code
   * "v=1; b=dGVz\r\n\t dA== ; bh=abc=; x=1"  ->  "v=1; b=; bh=abc=; x=1"
   * }</pre>
   */
  static String withoutB(String raw) {
    String field = raw.endsWith("\r\n") ? raw.substring(0, raw.length() - 2) : raw;
    int start = field.indexOf(':') + 1;
    while (start <= field.length()) {
      int semi = field.indexOf(';', start);
      int end = semi < 0 ? field.length() : semi;
      int eq = field.indexOf('=', start);
      if (eq >= 0 && eq < end && TagList.stripFws(field.substring(start, eq)).equals("b"))
        return field.substring(0, eq + 1) + field.substring(end);
      if (semi < 0) break;
      start = semi + 1;
    }
    return field;
  }

  private static List<String> warnings(DkimSignature sig, DkimKey key) {
    List<String> w = new ArrayList<>();
    if (sig.algorithm().filter(a -> a == DkimAlgorithm.RSA_SHA1).isPresent())
      w.add(
          "a=rsa-sha1: SHA-1 is broken and RFC 8301 §3.1 says it MUST NOT be used; many receivers treat this signature as permerror. Re-sign with rsa-sha256 or ed25519-sha256");
    if (sig.bodyLength().isPresent())
      w.add(
          "l="
              + sig.bodyLength().get()
              + " signs only part of the body: anyone can append content and the signature still passes (RFC 6376 §8.2)");
    if (key != null && key.testing())
      w.add("the key is in testing mode (t=y): receivers may ignore this signature's result");
    return w;
  }

  private static SignatureResult result(
      DkimSignature sig,
      DkimResult r,
      String reason,
      Optional<DkimKey> key,
      List<String> chain,
      List<String> warnings) {
    return new SignatureResult(sig, r, reason, key, chain, warnings);
  }
}
