package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

/** A run parses each key record once (issue 18), without changing any verdict. */
class DkimKeyCacheTest {
  static final String NAME = "ed._domainkey.example.com";

  private static DnsClient answering(AtomicReference<String> record) {
    return q ->
        CompletableFuture.completedFuture(
            q.name().equals(NAME)
                ? new DnsResult.Records(
                    q, List.of(DnsRecord.Txt.ofStrings(NAME, 300, record.get())))
                : new DnsResult.NxDomain(q));
  }

  private static byte[] signed() {
    return DkimVerifierTest.sign(
        DkimVerifierTest.MESSAGE, DkimVerifierTest.opts("ed25519-sha256", "RELAXED", "RELAXED"));
  }

  @Test
  void aSecondMessageReusesTheParsedKeyAndARotatedRecordIsSeen() {
    AtomicReference<String> record =
        new AtomicReference<>(TestSigner.keyRecord(DkimVerifierTest.ED.getPublic()));
    // one verifier per message, as `message --all` runs the check for each message of an mbox
    SignatureResult first = verifier(record).verify(signed()).signatures().get(0);
    SignatureResult second = verifier(record).verify(signed()).signatures().get(0);
    assertThat(first.result()).as(first.reason()).isEqualTo(DkimResult.PASS);
    assertThat(second.result()).isEqualTo(DkimResult.PASS);
    assertThat(second.key().orElseThrow()).isSameAs(first.key().orElseThrow());

    // the signer moved to another key at the same name: the cache is keyed by the record's text
    KeyPair other = TestSigner.ed25519();
    record.set(TestSigner.keyRecord(other.getPublic()));
    SignatureResult rotated = verifier(record).verify(signed()).signatures().get(0);
    assertThat(rotated.result()).isEqualTo(DkimResult.FAIL);
    assertThat(rotated.reason()).startsWith("signature mismatch");
  }

  @Test
  void theCacheStartsOverPastItsCap() {
    DkimKey.forgetCached();
    String base = TestSigner.keyRecord(DkimVerifierTest.ED.getPublic());
    DkimKey first = DkimKey.cached(base + "; n=0");
    for (int i = 1; i < Limits.DKIM_PARSED_KEYS; i++) DkimKey.cached(base + "; n=" + i);
    // cap: every record still held
    assertThat(DkimKey.cached(base + "; n=0")).isSameAs(first);
    // cap + 1: one more distinct record empties the cache, so the first is parsed again
    DkimKey.cached(base + "; n=" + Limits.DKIM_PARSED_KEYS);
    DkimKey again = DkimKey.cached(base + "; n=0");
    assertThat(again).isNotSameAs(first).isEqualTo(first);
  }

  private static DkimVerifier verifier(AtomicReference<String> record) {
    return new DkimVerifier(
        answering(record), DkimVerifierTest.NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
  }

  @Test
  void ed25519KeysAreDecodedOnceAndNotPointsStillFailAtTheSignature() {
    DkimKey good = DkimKey.parse(TestSigner.keyRecord(DkimVerifierTest.ED.getPublic()));
    assertThat(good.publicKey()).containsInstanceOf(Ed25519PublicKey.class);
    assertThat(good.publicKey().orElseThrow().getEncoded())
        .isEqualTo(DkimVerifierTest.ED.getPublic().getEncoded());

    // 32 octets that are no point on the curve: the JDK's factory takes them, as before, so the
    // record is usable and the verdict is a failed signature, not a key error
    byte[] notAPoint = new byte[32];
    Random random = new Random(7);
    do random.nextBytes(notAPoint);
    while (pointOk(notAPoint));
    String record = "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(notAPoint);
    DkimKey odd = DkimKey.parse(record);
    assertThat(odd.usable()).isTrue();
    assertThat(odd.publicKey()).isPresent().get().isNotInstanceOf(Ed25519PublicKey.class);
    DkimVerifier v =
        new DkimVerifier(
            answering(new AtomicReference<>(record)),
            DkimVerifierTest.NOW,
            DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
    SignatureResult r = v.verify(signed()).signatures().get(0);
    assertThat(r.result()).isEqualTo(DkimResult.FAIL);
    assertThat(r.reason()).startsWith("signature mismatch");
  }

  private static boolean pointOk(byte[] raw) {
    try {
      new Ed25519PublicKeyParameters(raw, 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
