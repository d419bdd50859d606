package dev.mailcheck.checks.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.DnssecStatus;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.SignedAnswer;
import dev.mailcheck.dns.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MX hosts DNSSEC validates ({@link Limits#DNSSEC_HOSTS}) at cap−1, cap and cap+1 (issue 19):
 * the lowest preferences first, whatever order the answer lists them in.
 */
class DnssecLimitsTest {
  @ParameterizedTest(name = "{0} hosts over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void hostsValidatedUpToTheCap(int delta) {
    int n = Limits.DNSSEC_HOSTS + delta;
    List<DnsRecord> records = new ArrayList<>();
    for (int i = n; i >= 1; i--)
      records.add(new DnsRecord.Mx("example.com", 300, i, "mx" + i + ".example.com"));
    DnsResult mx =
        new DnsResult.Records(DnsQuestion.of("example.com", RecordType.MX), records, List.of());
    Validation v =
        new Validation(
            new SignedAnswer(mx, false, records, List.of()),
            DnssecStatus.SECURE,
            Optional.of("example.com"),
            "",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= Math.min(n, Limits.DNSSEC_HOSTS); i++)
      expected.add("mx" + i + ".example.com");
    assertThat(DnssecCheck.hosts("example.com", v)).containsExactlyElementsOf(expected);
  }
}
