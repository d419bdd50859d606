package dev.mailcheck.checks.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The caps of reading a BIMI evidence document at cap−1, cap and cap+1 (issue 19): certificates
 * read from one document ({@link Limits#BIMI_EVIDENCE_CERTIFICATES}) and the logo embedded in the
 * mark certificate once decompressed ({@link Limits#BIMI_EMBEDDED_LOGO_BYTES}).
 */
class BimiEvidenceLimitsTest {
  private static final Instant NOW = Instant.now();

  private static String pem(byte[] svg) {
    return MarkCertificates.pem(
        List.of("example.com"), svg, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
  }

  @ParameterizedTest(name = "{0} certificates over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void certificatesReadUpToTheCap(int delta) {
    int n = Limits.BIMI_EVIDENCE_CERTIFICATES + delta;
    String one = pem(MarkCertificates.logo());
    Evidence.Parsed parsed =
        Evidence.parse(one.repeat(n).getBytes(StandardCharsets.US_ASCII)).orElseThrow();
    assertThat(parsed.chain()).hasSize(Math.min(n, Limits.BIMI_EVIDENCE_CERTIFICATES));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.embeddedLogo()).isEqualTo(MarkCertificates.logo());
  }

  /** The logo SVG padded with a comment to exactly {@code size} bytes (gzip makes it small). */
  private static byte[] logoOf(int size) {
    byte[] head = MarkCertificates.logo();
    byte[] svg = Arrays.copyOf(head, size);
    byte[] open = "<!--".getBytes(StandardCharsets.US_ASCII);
    byte[] close = "-->".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(open, 0, svg, head.length, open.length);
    Arrays.fill(svg, head.length + open.length, size - close.length, (byte) ' ');
    System.arraycopy(close, 0, svg, size - close.length, close.length);
    return svg;
  }

  @ParameterizedTest(name = "{0} bytes over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void embeddedLogoDecompressedUpToTheCap(int delta) {
    byte[] svg = logoOf(Limits.BIMI_EMBEDDED_LOGO_BYTES + delta);
    Evidence.Parsed parsed =
        Evidence.parse(pem(svg).getBytes(StandardCharsets.US_ASCII)).orElseThrow();
    if (delta <= 0) {
      assertThat(parsed.embeddedLogo()).isEqualTo(svg);
      assertThat(parsed.hashMatches(parsed.embeddedLogo())).isTrue();
      assertThat(parsed.problems()).isEmpty();
    } else {
      assertThat(parsed.embeddedLogo()).isEmpty();
      assertThat(parsed.problems())
          .containsExactly(
              "the logotype URI is not a readable data: URI: the embedded logo is over 1 MiB"
                  + " decompressed");
    }
  }
}
