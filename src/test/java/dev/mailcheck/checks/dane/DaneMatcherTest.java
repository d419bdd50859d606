package dev.mailcheck.checks.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.CertificateInspector;
import dev.mailcheck.smtp.TlsFacts;
import dev.mailcheck.smtp.testserver.TestPki;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every usage, selector and matching type against a chain made in the test (RFC 6698 §2.1). */
class DaneMatcherTest {
  static TestPki pki;
  static TestPki.Issued issued;
  static TestPki.Issued other;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    issued = pki.issue("mx.example.test", List.of("mx.example.test"), 90);
    other = TestPki.selfSigned("other.example.test", List.of("other.example.test"));
  }

  static TlsFacts tls(boolean nameMatches) {
    return new TlsFacts(
        "TLSv1.3",
        "TLS_AES_128_GCM_SHA256",
        issued.chain().stream().map(CertificateInspector::facts).toList(),
        false,
        Optional.of("test CA"),
        "mx.example.test",
        nameMatches,
        90);
  }

  static String data(X509Certificate c, int selector, int matching) throws Exception {
    byte[] selected = selector == 0 ? c.getEncoded() : c.getPublicKey().getEncoded();
    byte[] out =
        switch (matching) {
          case 0 -> selected;
          case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
          default -> MessageDigest.getInstance("SHA-512").digest(selected);
        };
    return HexFormat.of().formatHex(out);
  }

  static X509Certificate cert(String which) {
    return switch (which) {
      case "leaf" -> issued.leaf();
      case "ca" -> issued.chain().get(1);
      default -> other.leaf();
    };
  }

  @ParameterizedTest(name = "{0} {1} {2} of {3}, name ok {4} -> {5}")
  @CsvSource({
    "3, 0, 0, leaf, true, true",
    "3, 0, 1, leaf, true, true",
    "3, 0, 2, leaf, true, true",
    "3, 1, 0, leaf, true, true",
    "3, 1, 1, leaf, true, true",
    "3, 1, 2, leaf, true, true",
    // DANE-EE ignores the name (RFC 7672 §3.1.1)
    "3, 1, 1, leaf, false, true",
    "3, 1, 1, other, true, false",
    "3, 0, 1, ca, true, false",
    "2, 0, 1, ca, true, true",
    "2, 1, 1, ca, true, true",
    "2, 0, 2, ca, true, true",
    "2, 1, 0, ca, true, true",
    // DANE-TA needs the leaf to name the host (RFC 7672 §3.2.2) and an anchor above the leaf
    "2, 0, 1, ca, false, false",
    "2, 0, 1, leaf, true, false",
    "2, 1, 1, other, true, false",
    // PKIX usages are unusable for SMTP (RFC 7672 §3.1.3), whatever they match
    "0, 0, 1, ca, true, false",
    "1, 1, 1, leaf, true, false",
  })
  void matches(int usage, int selector, int matching, String which, boolean name, boolean expect)
      throws Exception {
    Tlsa t = new Tlsa(usage, selector, matching, data(cert(which), selector, matching));
    DaneMatcher.Outcome o = DaneMatcher.match(t, tls(name));
    assertThat(o.matched()).as(o.detail()).isEqualTo(expect);
  }

  @ParameterizedTest
  @CsvSource({
    "'3 1 1 AB CD', 3, 1, 1, abcd, true",
    "'2 0 1 00ff', 2, 0, 1, 00ff, true",
    "'0 0 1 00', 0, 0, 1, 00, false",
    "'3 2 1 00', 3, 2, 1, 00, false",
    "'3 1 9 00', 3, 1, 9, 00, false"
  })
  void parsesAndJudgesUsability(
      String text, int usage, int selector, int matching, String hex, boolean usable) {
    Tlsa t = Tlsa.parse(text).orElseThrow();
    assertThat(t).isEqualTo(new Tlsa(usage, selector, matching, hex));
    assertThat(t.usableForSmtp()).isEqualTo(usable);
  }

  @ParameterizedTest
  @CsvSource({"'3 1 1'", "'x 1 1 00'", "'3 1 1 zz'"})
  void refusesMalformedRecords(String text) {
    assertThat(Tlsa.parse(text)).isEmpty();
  }
}
