package dev.mailcheck.checks.arc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.MessageInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8617 §4.2.1: at most {@link Limits#ARC_INSTANCES} (50) ARC sets; one more fails the chain's
 * structure without reading further (issue 19: cap−1, cap, cap+1).
 */
class ArcChainLimitsTest {
  @ParameterizedTest(name = "{0} sets over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void arcSetsAtTheCap(int delta) throws Exception {
    int n = Limits.ARC_INSTANCES + delta;
    StringBuilder m = new StringBuilder();
    for (int i = n; i >= 1; i--)
      m.append("ARC-Seal: i=")
          .append(i)
          .append("; a=rsa-sha256; cv=")
          .append(i == 1 ? "none" : "pass")
          .append("; d=example.org; s=s; b=AAAA\r\n")
          .append("ARC-Message-Signature: i=")
          .append(i)
          .append("; a=rsa-sha256; d=example.org; s=s; h=From; bh=AAAA; b=AAAA\r\n")
          .append("ARC-Authentication-Results: i=")
          .append(i)
          .append("; mx.example.org; spf=pass smtp.mailfrom=a@example.org\r\n");
    m.append("From: a@example.org\r\n\r\nHi.\r\n");
    MessageInput in =
        MessageInput.read(
            new ByteArrayInputStream(m.toString().getBytes(StandardCharsets.US_ASCII)));
    ArcChain chain = ArcChain.parse(in.headers());
    assertThat(chain.present()).isTrue();
    if (delta <= 0) {
      assertThat(chain.structureError()).isEmpty();
      assertThat(chain.sets()).hasSize(n);
    } else {
      assertThat(chain.structureError()).hasValue("more than 50 ARC sets");
      assertThat(chain.sets()).isEmpty();
    }
  }
}
