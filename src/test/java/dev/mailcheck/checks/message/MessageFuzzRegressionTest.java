package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link MessageFuzzTest} found (issue 19), kept as named cases. */
class MessageFuzzRegressionTest {
  @Test
  void anUnterminatedQuoteDoesNotMakeTheRestOfTheFieldOneMethodName() {
    AuthResults r =
        AuthResults.parse("mx.google.com; dk\u0001 \"g; d=x; spf=pass smtp.mailfrom=a@b.example");
    assertThat(r.entries()).allSatisfy(e -> assertThat(e.method()).matches("[a-z0-9][a-z0-9_.-]*"));
    assertThat(r.unparsed()).isPositive();
  }

  @Test
  void wellFormedMethodsStillParse() {
    AuthResults r =
        AuthResults.parse("mx.example.org; dkim=pass header.d=example.org; x-custom.v2=ok");
    assertThat(r.entries())
        .extracting(AuthResults.Entry::method)
        .containsExactly("dkim", "x-custom.v2");
  }
}
