package dev.mailcheck.checks.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MX hosts DANE checks ({@link Limits#DANE_HOSTS}) at cap−1, cap and cap+1 (issue 19): the
 * lowest preferences first, whatever order the answer lists them in; the one past the cap is not
 * looked up.
 */
class DaneLimitsTest {
  /** {@code n} exchanges mx1 (preference 1) to mxN, listed highest preference first. */
  static DnsResult mx(String domain, int n) {
    List<DnsRecord> records = new ArrayList<>();
    for (int i = n; i >= 1; i--)
      records.add(new DnsRecord.Mx(domain, 300, i, "mx" + i + "." + domain));
    return new DnsResult.Records(DnsQuestion.of(domain, RecordType.MX), records, List.of());
  }

  static List<String> expected(String domain, int n, int cap) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= Math.min(n, cap); i++) out.add("mx" + i + "." + domain);
    return out;
  }

  @ParameterizedTest(name = "{0} hosts over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void hostsCheckedUpToTheCap(int delta) {
    int n = Limits.DANE_HOSTS + delta;
    assertThat(DaneCheck.exchanges(mx("example.com", n)))
        .containsExactlyElementsOf(expected("example.com", n, Limits.DANE_HOSTS))
        .doesNotContain("mx" + (Limits.DANE_HOSTS + 1) + ".example.com");
  }
}
