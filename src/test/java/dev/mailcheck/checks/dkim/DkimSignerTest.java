package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.dns.FakeDns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dkim sign: what the signer makes, the verifier accepts; and every change breaks it. */
class DkimSignerTest {
  static final String MESSAGE =
      "From: Alice <alice@example.com>\r\nTo: bob@example.org\r\nSubject:  hello \t world\r\n"
          + "Date: Tue, 3 Jan 2017 12:22:54 -0800\r\nMessage-ID: <a1@example.com>\r\n\r\n"
          + "Hello  Bob, \r\n\r\n\r\n";

  static final DkimPrivateKey RSA =
      DkimPrivateKey.generate(DkimAlgorithm.RSA_SHA256, 2048, new SecureRandom());
  static final DkimPrivateKey ED =
      DkimPrivateKey.generate(DkimAlgorithm.ED25519_SHA256, 0, new SecureRandom());

  static String signed(String message, DkimPrivateKey key, String canon) throws Exception {
    MessageInput in =
        MessageInput.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    String[] c = canon.split("/");
    var o =
        new DkimSigner.Options(
            "example.com",
            "s1",
            Canonicalization.of(c[0]).orElseThrow(),
            Canonicalization.of(c[1]).orElseThrow(),
            List.of(),
            true,
            1_700_000_000L);
    BodyHashes h = new BodyHashes(List.of(o.bodyRequest()));
    in.streamBody(h);
    return DkimSigner.sign(in.headers(), h.finish(), key, o, "\r\n") + message;
  }

  static Verification verify(String message, DkimPrivateKey key) {
    FakeDns dns = new FakeDns().txt("s1._domainkey.example.com", DkimKeyRecord.text(key));
    return new DkimVerifier(dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.REJECT)
        .verify(message.getBytes(StandardCharsets.ISO_8859_1));
  }

  @ParameterizedTest
  @CsvSource({
    "rsa,relaxed/relaxed",
    "rsa,simple/simple",
    "rsa,relaxed/simple",
    "rsa,simple/relaxed",
    "ed,relaxed/relaxed",
    "ed,simple/simple"
  })
  void theVerifierAcceptsWhatTheSignerMakes(String type, String canon) throws Exception {
    DkimPrivateKey key = type.equals("rsa") ? RSA : ED;
    String m = signed(MESSAGE, key, canon);
    Verification v = verify(m, key);
    assertThat(v.signatures()).hasSize(1);
    assertThat(v.signatures().get(0).result())
        .as(v.signatures().get(0).reason())
        .isEqualTo(DkimResult.PASS);
    assertThat(v.signatures().get(0).signature().canonicalization()).isEqualTo(canon);
    assertThat(verify(m.replace("Hello  Bob", "Hello  Eve"), key).signatures().get(0).result())
        .isEqualTo(DkimResult.FAIL);
    assertThat(
            verify(m.replace("Subject:  hello", "Subject:  Hello"), key)
                .signatures()
                .get(0)
                .result())
        .isEqualTo(DkimResult.FAIL);
  }

  @Test
  void fromIsOverSignedSoASecondFromBreaksTheSignature() throws Exception {
    String m = signed(MESSAGE, RSA, "relaxed/relaxed");
    assertThat(m).contains("h=from:subject:date:to:message-id:from;");
    String added =
        m.replace(
            "To: bob@example.org\r\n", "To: bob@example.org\r\nFrom: mallory@evil.example\r\n");
    assertThat(verify(added, RSA).signatures().get(0).result()).isEqualTo(DkimResult.FAIL);
  }

  @Test
  void readsPkcs1AndPkcs8PemAndDkimpysRawEd25519() throws Exception {
    var g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    var kp = g.generateKeyPair();
    var pkcs1 =
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded())
            .parsePrivateKey()
            .toASN1Primitive()
            .getEncoded();
    String pem1 =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
            + "\n-----END RSA PRIVATE KEY-----\n";
    String pem8 =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(kp.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    String pub = Base64.getEncoder().encodeToString(kp.getPublic().getEncoded());
    assertThat(DkimPrivateKey.read(pem1).publicKeyData()).isEqualTo(pub);
    assertThat(DkimPrivateKey.read(pem8).publicKeyData()).isEqualTo(pub);
    DkimPrivateKey ed =
        DkimPrivateKey.read(Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    assertThat(ed.algorithm()).isEqualTo(DkimAlgorithm.ED25519_SHA256);
    assertThat(DkimPrivateKey.read(ED.toPem()).publicKeyData()).isEqualTo(ED.publicKeyData());
    assertThatThrownBy(() -> DkimPrivateKey.read("hello"))
        .isInstanceOf(DkimPrivateKey.KeyFileException.class);
    assertThat(RSA.toString()).doesNotContain(RSA.toPem().substring(40, 80));
  }

  @Test
  void theTxtRecordIsSplitInto255OctetStrings() {
    var parts = DkimKeyRecord.strings(DkimKeyRecord.text(RSA));
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(p -> assertThat(p.length() - 2).isLessThanOrEqualTo(255));
    assertThat(String.join("", parts.stream().map(p -> p.substring(1, p.length() - 1)).toList()))
        .isEqualTo(DkimKeyRecord.text(RSA));
    assertThat(DkimKeyRecord.zoneLine("s1", "example.com", RSA))
        .startsWith("s1._domainkey.example.com. 3600 IN TXT ( \"v=DKIM1; k=rsa; p=");
  }
}
