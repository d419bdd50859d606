package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.FakeDns;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * The domain as given to {@link SpfEvaluator#checkHost}: one trailing dot and upper case do not
 * change the result (issue 19: PIT found no test reaching that normalization).
 */
class SpfEvaluatorMutationTest {
  @Test
  void aTrailingDotAndUpperCaseNameTheSameDomain() throws Exception {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1 -all");
    var ip = InetAddress.getByName("192.0.2.1");
    SpfEvaluation e =
        new SpfEvaluator(dns, SpfOptions.defaults())
            .checkHost(ip, "Example.COM.", "a@example.com", "mail.example.com");
    assertThat(e.result()).isEqualTo(SpfResult.PASS);
    assertThat(e.matchedDomain()).isEqualTo("example.com");
  }

  @Test
  void theRootAloneIsNotStrippedToNothing() throws Exception {
    SpfEvaluation e =
        new SpfEvaluator(new FakeDns(), SpfOptions.defaults())
            .checkHost(InetAddress.getByName("192.0.2.1"), ".", "a@example.com", "h");
    assertThat(e.result()).isNotEqualTo(SpfResult.PASS);
    assertThat(e.matchedDomain()).isEqualTo(".");
  }
}
