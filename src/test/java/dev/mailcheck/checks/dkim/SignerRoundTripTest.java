package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcheck.testing.ProjectPaths;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signs the RFC 6376 example message (conformance rfc6376-unsigned.eml) with the RFC 8463 test
 * keys, checks the body hashes FORMAT.md gives, and verifies the output against the vectors' DNS.
 */
class SignerRoundTripTest {
  static Path root() {
    Path r = ProjectPaths.conformance("dkim/expected.json").map(Path::getParent).orElse(null);
    Assumptions.assumeTrue(r != null, "DKIM conformance vectors absent: skipped (not passed)");
    return r;
  }

  static PrivateKey rsaKey(Path root) throws Exception {
    try (PEMParser p =
        new PEMParser(
            new StringReader(
                Files.readString(root.resolve("keys/rfc8463-rsa-test.private.pem"))))) {
      return new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) p.readObject()).getPrivate();
    }
  }

  static PrivateKey edKey(Path root) throws Exception {
    String b64 =
        Files.readAllLines(root.resolve("keys/rfc8463-ed25519-brisbane.seed.b64")).stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .findFirst()
            .orElseThrow()
            .strip();
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(
            new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Base64.getDecoder().decode(b64)));
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @CsvSource({
    "rsa-sha256, RELAXED, RELAXED, 2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=",
    "rsa-sha256, SIMPLE, SIMPLE, 4bLNXImK9drULnmePzZNEBleUanJCX5PIsDIFoH4KTQ=",
    "rsa-sha256, RELAXED, SIMPLE, 4bLNXImK9drULnmePzZNEBleUanJCX5PIsDIFoH4KTQ=",
    "ed25519-sha256, RELAXED, RELAXED, 2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=",
    "ed25519-sha256, SIMPLE, RELAXED, 2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=",
  })
  void signsTheRfcExampleAndVerifiesIt(String alg, String h, String b, String expectedBh)
      throws Exception {
    Path root = root();
    byte[] unsigned = Files.readAllBytes(root.resolve("messages/public/rfc6376-unsigned.eml"));
    DkimAlgorithm a = DkimAlgorithm.of(alg).orElseThrow();
    PrivateKey key = a == DkimAlgorithm.ED25519_SHA256 ? edKey(root) : rsaKey(root);
    var o =
        TestSigner.Options.of(
                a, "football.example.com", a == DkimAlgorithm.ED25519_SHA256 ? "brisbane" : "test")
            .canon(Canonicalization.valueOf(h), Canonicalization.valueOf(b))
            .headers(
                List.of("from", "to", "subject", "date", "message-id", "from", "subject", "date"))
            .times(1528637909L, null);
    byte[] signed = TestSigner.sign(unsigned, key, o);
    Matcher m =
        Pattern.compile("bh=([A-Za-z0-9+/=]+)")
            .matcher(new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(expectedBh);
    ConformanceDns dns =
        new ConformanceDns(new ObjectMapper().readTree(root.resolve("dns.json").toFile()));
    Verification v =
        new DkimVerifier(dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.REJECT).verify(signed);
    assertThat(v.signatures()).hasSize(1);
    assertThat(v.signatures().get(0).result())
        .as(v.signatures().get(0).reason())
        .isEqualTo(DkimResult.PASS);
  }
}
