package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 8601 Authentication-Results, as Gmail, Microsoft and the RFC's own examples write them. */
class AuthResultsTest {
  @Test
  void readsGmailsResults() {
    AuthResults a =
        AuthResults.parse(
            " mx.google.com;\r\n       dkim=pass header.i=@example.com header.s=s1 header.b=\"AbCdEf12\";\r\n       spf=pass (google.com: domain of alice@example.com designates 192.0.2.10 as permitted sender) smtp.mailfrom=alice@example.com;\r\n       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com");
    assertThat(a.authservId()).isEqualTo("mx.google.com");
    assertThat(a.entries())
        .extracting(AuthResults.Entry::method)
        .containsExactly("dkim", "spf", "dmarc");
    assertThat(a.of("dkim").get(0).property("header.b")).hasValue("AbCdEf12");
    assertThat(a.of("spf").get(0).property("smtp.mailfrom")).hasValue("alice@example.com");
    assertThat(a.of("spf").get(0).comment()).contains("designates 192.0.2.10");
    assertThat(a.of("dmarc").get(0).result()).isEqualTo("pass");
  }

  @Test
  void readsVersionsReasonsAndNone() {
    AuthResults a =
        AuthResults.parse(
            "example.com 1; dkim/1=fail reason=\"bad; signature\" header.d=example.net; arc=none");
    assertThat(a.authservId()).isEqualTo("example.com");
    assertThat(a.of("dkim").get(0).result()).isEqualTo("fail");
    assertThat(a.of("dkim").get(0).reason()).hasValue("bad; signature");
    assertThat(a.of("arc").get(0).result()).isEqualTo("none");
    AuthResults none = AuthResults.parse("example.org; none");
    assertThat(none.entries()).isEmpty();
  }

  @Test
  void microsoftSpacingAndGarbage() {
    AuthResults a =
        AuthResults.parse(
            "spf=pass (sender IP is 40.107.1.1) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.com;compauth=pass reason=100");
    assertThat(a.entries())
        .extracting(AuthResults.Entry::method)
        .contains("dkim", "dmarc", "compauth");
    AuthResults junk = AuthResults.parse("mx; =; ;;; (((");
    assertThat(junk.unparsed()).isEqualTo(1);
  }
}
