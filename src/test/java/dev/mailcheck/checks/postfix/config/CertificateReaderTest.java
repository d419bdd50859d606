package dev.mailcheck.checks.postfix.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The key files smtpd may be given, in every encoding PEM carries for each key type Postfix
 * supports: the key is read and proven (or disproven) to belong to the certificate.
 */
class CertificateReaderTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}, {2}")
  @CsvSource({
    "RSA, 2048, pkcs8",
    "RSA, 2048, traditional", // PKCS#1 "RSA PRIVATE KEY"
    "EC, 256, pkcs8",
    "EC, 256, traditional", // SEC1 "EC PRIVATE KEY"
    "EC, 384, traditional",
    "Ed25519, 0, pkcs8",
    "Ed448, 0, pkcs8",
  })
  void everyKeyEncodingIsReadAndMatchedAgainstItsCertificate(
      String algorithm, int size, String encoding) throws Exception {
    KeyPair key = TestCertificates.generate(algorithm, size);
    KeyPair other = TestCertificates.generate(algorithm, size);
    Path keyFile = dir.resolve("key.pem");
    Path certFile = dir.resolve("cert.pem");
    Path otherCert = dir.resolve("other.pem");
    Instant now = Instant.now();
    TestCertificates.write(
        keyFile, certFile, key, key, "mx.example.com", now, now.plus(30, ChronoUnit.DAYS));
    TestCertificates.write(
        dir.resolve("unused.pem"),
        otherCert,
        other,
        other,
        "mx.example.com",
        now,
        now.plus(30, ChronoUnit.DAYS));
    if (encoding.equals("traditional")) TestCertificates.writeTraditionalKey(keyFile, key);

    TlsIdentity own =
        CertificateReader.read("smtpd", "mx.example.com", certFile.toString(), keyFile.toString());
    assertThat(own.problems()).isEmpty();
    assertThat(own.keyMatches()).isTrue();
    assertThat(own.names()).contains("mx.example.com");

    TlsIdentity mismatched =
        CertificateReader.read("smtpd", "mx.example.com", otherCert.toString(), keyFile.toString());
    assertThat(mismatched.problems()).isEmpty();
    assertThat(mismatched.keyMatches()).isFalse();
  }
}
