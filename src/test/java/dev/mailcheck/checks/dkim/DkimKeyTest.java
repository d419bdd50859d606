package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkimKeyTest {
  // RFC 8463 Appendix A.2 keys
  static final String RSA_1024 =
      "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";
  static final String ED_RAW = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
  static final String ED_SPKI = "MCowBQYDK2VwAyEA3SUqa9UbfciWkk7tlcJ9P1VD5pXAasg0JUn/OgjVbKE=";
  static final String RSA_512 =
      "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALgSoqXVSEmfcIsOzw7oRuCCOwsmtX/SJnTWxYyj2leFxfc9Ni/7xUThSNj/X5sWyuL3PyH3JXU2TyVu6Wc8p+0CAwEAAQ==";

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // record | keyType | bits | usable | revoked | testing | problem contains
        "v=DKIM1; k=rsa; p=" + RSA_1024 + " | rsa | 1024 | true | false | false |",
        "p=" + RSA_1024 + " | rsa | 1024 | true | false | false |",
        "v=DKIM1; k=ed25519; p=" + ED_RAW + " | ed25519 | 256 | true | false | false |",
        "v=DKIM1; k=ed25519; p="
            + ED_SPKI
            + " | ed25519 | 0 | false | false | false | SPKI-wrapped",
        "v=DKIM1; k=rsa; p= | rsa | 0 | false | true | false |",
        "k=rsa; t=y; p= | rsa | 0 | false | true | true |",
        "v=DKIM1; t=y:s; p=" + RSA_512 + " | rsa | 512 | true | false | true |",
        "k=rsa; v=DKIM1; p="
            + RSA_1024
            + " | rsa | 1024 | false | false | false | must be the first tag",
        "v=DKIM2; p="
            + RSA_1024
            + " | rsa | 1024 | false | false | false | unsupported key version",
        "v=DKIM1; k=dsa; p=" + RSA_1024 + " | dsa | 0 | false | false | false | unknown key type",
        "v=DKIM1; p=not*base64 | rsa | 0 | false | false | false | base64",
        "v=DKIM1; k=rsa | rsa | 0 | false | false | false | p= (public key) is missing",
        "v=DKIM1; h=md5; p=" + RSA_1024 + " | rsa | 1024 | false | false | false | no hash",
        "v=DKIM1; k=rsa; t; p="
            + RSA_1024
            + " | rsa | 1024 | false | false | false | at position 17",
      })
  void parsesKeyRecords(
      String record,
      String type,
      int bits,
      boolean usable,
      boolean revoked,
      boolean testing,
      String problem) {
    DkimKey k = DkimKey.parse(record);
    assertThat(k.keyType()).isEqualTo(type);
    assertThat(k.keyBits()).isEqualTo(bits);
    assertThat(k.usable()).isEqualTo(usable);
    assertThat(k.revoked()).isEqualTo(revoked);
    assertThat(k.testing()).isEqualTo(testing);
    if (problem == null) assertThat(k.problems()).isEmpty();
    else assertThat(k.problems()).anyMatch(p -> p.contains(problem));
  }

  @Test
  void acceptsBarePkcs1RsaKeys() {
    var spki =
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
            Base64.getDecoder().decode(RSA_1024));
    byte[] pkcs1 = spki.getPublicKeyData().getBytes();
    DkimKey k = DkimKey.parse("v=DKIM1; p=" + Base64.getEncoder().encodeToString(pkcs1));
    assertThat(k.usable()).isTrue();
    assertThat(k.keyBits()).isEqualTo(1024);
  }

  @Test
  void servicesAndHashesAreListsAndStrictFlagIsRead() {
    DkimKey k = DkimKey.parse("v=DKIM1; s=email:web; h=sha1:sha256; t=s; n=note; p=" + RSA_1024);
    assertThat(k.allowsEmail()).isTrue();
    assertThat(k.allowsHash("sha256")).isTrue();
    assertThat(k.strict()).isTrue();
    assertThat(DkimKey.parse("v=DKIM1; s=chat; p=" + RSA_1024).allowsEmail()).isFalse();
    assertThat(DkimKey.parse("v=DKIM1; h=sha1; p=" + RSA_1024).allowsHash("sha256")).isFalse();
  }
}
