package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import java.net.InetAddress;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7208 §4.6.4's two limits at cap−1, cap and cap+1 (issue 19): 10 DNS-querying terms and 2 void
 * lookups. At the cap a record still evaluates; one over it is a permerror, and the audit fails it.
 */
class SpfLimitsTest {
  private static final InetAddress CLIENT = address("198.51.100.7");

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static String terms(int n, String prefix) {
    return String.join(
        " ",
        IntStream.rangeClosed(1, n).mapToObj(i -> "a:" + prefix + i + ".example.com").toList());
  }

  private static Finding finding(SpfReport r, String id) {
    return r.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  private static String evaluated(FakeDns dns) {
    return SpfRuns.evaluate(
            "example.com", CLIENT, Optional.empty(), Optional.empty(), dns, SpfOptions.defaults())
        .section()
        .result()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} lookups")
  @ValueSource(ints = {9, 10, 11})
  void tenDnsLookups(int n) {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 " + terms(n, "h") + " -all");
    for (int i = 1; i <= n; i++) dns.a("h" + i + ".example.com", "192.0.2." + i);
    SpfReport audit = SpfRuns.audit("example.com", dns);
    assertThat(audit.section().lookups()).isEqualTo(n);
    Finding lookups = finding(audit, "spf.lookups");
    if (n <= 10) assertThat(lookups.status()).isNotEqualTo(Status.FAIL);
    else assertThat(lookups.status()).isEqualTo(Status.FAIL);
    assertThat(evaluated(dns)).isEqualTo(n <= 10 ? "fail" : "permerror");
  }

  @ParameterizedTest(name = "{0} void lookups")
  @ValueSource(ints = {1, 2, 3})
  void twoVoidLookups(int n) {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 " + terms(n, "gone") + " -all");
    SpfReport audit = SpfRuns.audit("example.com", dns);
    assertThat(audit.section().voidLookups()).isEqualTo(n);
    assertThat(finding(audit, "spf.void-lookups").status())
        .isEqualTo(n <= 2 ? Status.WARN : Status.FAIL);
    assertThat(evaluated(dns)).isEqualTo(n <= 2 ? "fail" : "permerror");
  }

  /**
   * An audit follows {@link dev.mailcheck.checks.Limits#SPF_AUDIT_TERMS} (100) DNS-querying terms
   * and shows the rest as not followed (cap−1, cap, cap+1), so a hostile tree cannot fan out.
   */
  @ParameterizedTest(name = "{0} terms over the audit cap")
  @ValueSource(ints = {-1, 0, 1})
  void auditTermCap(int delta) {
    int cap = dev.mailcheck.checks.Limits.SPF_AUDIT_TERMS;
    int n = cap + delta;
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 " + terms(n, "h") + " -all");
    for (int i = 1; i <= n; i++) dns.a("h" + i + ".example.com", "192.0.2.1");
    var nodes = SpfRuns.audit("example.com", dns).section().tree().orElseThrow().children();
    assertThat(nodes).hasSize(n);
    var notFollowed =
        nodes.stream().filter(x -> x.note().orElse("").startsWith("not followed")).toList();
    if (delta <= 0) assertThat(notFollowed).isEmpty();
    else
      assertThat(notFollowed)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.term()).hasValue("a:h" + n + ".example.com");
                assertThat(x.note()).hasValue("not followed: the audit stops after 100 terms");
              });
  }
}
