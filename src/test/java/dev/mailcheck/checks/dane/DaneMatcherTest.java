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

  /** The server sends only its leaf: the anchor is not in the chain. */
  static TlsFacts leafOnly(boolean nameMatches) {
    return new TlsFacts(
        "TLSv1.3",
        "TLS_AES_128_GCM_SHA256",
        List.of(CertificateInspector.facts(issued.leaf())),
        false,
        Optional.of("test CA"),
        "mx.example.test",
        nameMatches,
        90);
  }

  @ParameterizedTest(name = "2 1 {0} of {1}, name ok {2} -> {3}")
  @CsvSource({
    // RFC 7671 §5.2.2: a whole published key can anchor a chain whose top it signed
    "0, ca, true, true",
    // a digest cannot: the key itself is needed to check the signature
    "1, ca, true, false",
    // a key that signed nothing of the chain
    "0, other, true, false",
    // the name check of DANE-TA still applies
    "0, ca, false, false",
  })
  void aBareTrustAnchorKeyNotSentByTheServer(
      int matching, String which, boolean name, boolean expect) throws Exception {
    Tlsa t = new Tlsa(2, 1, matching, data(cert(which), 1, matching));
    DaneMatcher.Outcome o = DaneMatcher.match(t, leafOnly(name));
    assertThat(o.matched()).as(o.detail()).isEqualTo(expect);
    if (expect) assertThat(o.detail()).contains("not sent by the server");
  }

  @ParameterizedTest(name = "also {0} -> {1}")
  @CsvSource({"mx.example.test, true", "elsewhere.example.test, false"})
  void daneTaAcceptsTheExpandedNameOfAnAlias(String alsoName, boolean expect) throws Exception {
    // the probe checked the alias's own name, which the leaf does not carry (RFC 7672 §3.2.2)
    Tlsa t = new Tlsa(2, 0, 1, data(cert("ca"), 0, 1));
    DaneMatcher.Outcome o = DaneMatcher.match(t, tls(false), List.of(alsoName));
    assertThat(o.matched()).as(o.detail()).isEqualTo(expect);
  }
}
