package dev.mailcheck.internal;

import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for domain names as typed or published (IDNA 2008 labels) and Punycode (issue 19).
 */
class DomainNamesFuzzTest {
  /** Either a one-line InputException or an A-label name that normalizes to itself. */
  @FuzzTest
  void domainName(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    for (boolean dns : new boolean[] {false, true}) {
      String name;
      try {
        name = dns ? DomainNames.normalizeDnsName(input) : DomainNames.normalize(input);
      } catch (InputException e) {
        assertPrintable("error", e.getMessage());
        assertThat(e.getMessage().length()).isLessThan(400);
        continue;
      }
      assertThat(name.length()).isBetween(1, 253);
      assertThat(name.chars().allMatch(c -> c < 0x80)).as("A-labels only: %s", name).isTrue();
      assertThat(name).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
      String again = dns ? DomainNames.normalizeDnsName(name) : DomainNames.normalize(name);
      assertThat(again).as("idempotent").isEqualTo(name);
      if (!dns) assertThat(DomainNames.problem(input)).isEmpty();
    }
  }

  /**
   * decode(encode(u)) == u for any text, and decode never fails other than by its own exception.
   */
  @FuzzTest
  void punycode(byte[] data) {
    String u = new String(data, StandardCharsets.UTF_8);
    String encoded;
    try {
      encoded = Punycode.encode(u);
    } catch (IllegalArgumentException tooLong) {
      assertThat(tooLong.getMessage()).contains("too long");
      return;
    }
    assertThat(encoded.chars().allMatch(c -> c < 0x80)).isTrue();
    assertThat(Punycode.decode(encoded)).isEqualTo(u);
    try {
      String decoded = Punycode.decode(new String(data, StandardCharsets.ISO_8859_1));
      assertThat(decoded.length()).isLessThanOrEqualTo(2 * data.length + 1);
    } catch (IllegalArgumentException expected) {
      // not Punycode
    }
  }
}
