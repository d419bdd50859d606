package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.testserver.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateInspectorTest {
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
    "mail.example.com,     mail.example.com,     true",
    "MAIL.Example.COM.,    mail.example.com,     true",
    "*.example.com,        mail.example.com,     true",
    "*.example.com,        a.b.example.com,      false",
    "*.example.com,        example.com,          false",
    "*.com,                example.com,          false",
    "m*.example.com,       mail.example.com,     false",
    "mail.example.com,     mail.example.org,     false",
    "*.xn--bcher-kva.de,   mx.xn--bcher-kva.de,  true",
  })
  void rfc6125Matching(String pattern, String host, boolean matches) {
    assertThat(CertificateInspector.matchesPattern(pattern, host)).isEqualTo(matches);
  }

  @Test
  void ipLiteralsMatchOnlyIpSans() {
    var pki = TestPki.create();
    var c = pki.issue("127.0.0.1", List.of("localhost", "127.0.0.1", "::1"), 30).leaf();
    assertThat(CertificateInspector.nameMatches(c, "127.0.0.1")).isTrue();
    assertThat(CertificateInspector.nameMatches(c, "::1")).isTrue();
    assertThat(CertificateInspector.nameMatches(c, "127.0.0.2")).isFalse();
    assertThat(CertificateInspector.nameMatches(c, "LOCALHOST")).isTrue();
  }

  @Test
  void commonNameCountsOnlyWithoutDnsSans() {
    var noSan = TestPki.selfSigned("mx.example.com", List.of()).leaf();
    assertThat(CertificateInspector.nameMatches(noSan, "mx.example.com")).isTrue();
    var withSan = TestPki.selfSigned("mx.example.com", List.of("other.example.com")).leaf();
    assertThat(CertificateInspector.nameMatches(withSan, "mx.example.com")).isFalse();
  }

  @Test
  void validationGivesAReasonForEachProblem() {
    var pki = TestPki.create();
    Instant now = Instant.now();
    var good = pki.issue("mx", List.of("mx.example"), 30);
    assertThat(CertificateInspector.validate(good.chain(), List.of(pki.ca()), now)).isEmpty();
    // intermediates may come in any order or be missing from what we trust
    assertThat(CertificateInspector.validate(List.of(good.leaf()), List.of(pki.ca()), now))
        .isEmpty();
    assertThat(CertificateInspector.validate(good.chain(), List.of(TestPki.create().ca()), now))
        .get()
        .asString()
        .contains("no path to a trusted root");
    var expired =
        pki.issue(
            "mx",
            List.of("mx.example"),
            now.minus(Duration.ofDays(60)),
            now.minus(Duration.ofDays(2)));
    assertThat(CertificateInspector.validate(expired.chain(), List.of(pki.ca()), now))
        .get()
        .asString()
        .contains("expired");
    assertThat(CertificateInspector.daysToExpiry(expired.leaf(), now)).isNegative();
    assertThat(
            CertificateInspector.daysToExpiry(
                expired.leaf(), expired.leaf().getNotAfter().toInstant().minusMillis(1)))
        .isZero();
    assertThat(
            CertificateInspector.daysToExpiry(
                expired.leaf(), expired.leaf().getNotAfter().toInstant().plusMillis(1)))
        .isEqualTo(-1);
    var self = TestPki.selfSigned("mx", List.of("mx.example"));
    assertThat(CertificateInspector.validate(self.chain(), List.of(pki.ca()), now))
        .get()
        .asString()
        .contains("self-signed");
    assertThat(CertificateInspector.validate(List.of(), List.of(pki.ca()), now)).isPresent();
  }

  @Test
  void factsDescribeTheCertificate() {
    var pki = TestPki.create();
    var f =
        CertificateInspector.facts(
            pki.issue("mx.example", List.of("mx.example", "192.0.2.1"), 30).leaf());
    assertThat(f.subject()).isEqualTo("CN=mx.example");
    assertThat(f.issuer()).isEqualTo("CN=mailcheck test CA");
    assertThat(f.sans()).containsExactly("DNS:mx.example", "IP:192.0.2.1");
    assertThat(f.keyAlgorithm()).isEqualTo("EC");
    assertThat(f.keyBits()).isEqualTo(256);
    assertThat(f.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
    assertThat(f.sha256()).hasSize(64);
  }
}
