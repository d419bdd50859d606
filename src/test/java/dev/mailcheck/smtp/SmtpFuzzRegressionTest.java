package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link SmtpFuzzTest} found (issue 19), kept as named cases. */
class SmtpFuzzRegressionTest {
  @Test
  void anEhloLineOfOnlyAnEqualsSignIsSkippedNotAnIndexError() {
    Extensions e = Extensions.parse(Reply.of(250, "mx.example.org", "=", "SIZE 100"));
    assertThat(e.keywords()).containsOnlyKeys("SIZE");
  }

  @Test
  void anEhloLineStartingWithEqualsAddsNoEmptyKeyword() {
    Extensions e = Extensions.parse(Reply.of(250, "mx.example.org", "=AUTH", "AUTH PLAIN"));
    assertThat(e.keywords()).containsOnlyKeys("AUTH");
    assertThat(e.authMechanisms()).containsExactly("PLAIN");
  }
}
