package dev.mailcheck.checks.postfix.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.testing.TestChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code postfix config --dns}: myhostname in forward and reverse DNS. */
class HostnameDnsTest {
  @TempDir Path dir;

  Finding run(FakeDns dns, boolean withDns) throws Exception {
    Files.writeString(dir.resolve("main.cf"), "myhostname = mail.example.com\n");
    var q = new PostfixConfigCheck.Query(dir, List.of(), withDns);
    var r = TestChecks.run(Checks.POSTFIX_CONFIG, q, dns);
    return r.findings().stream()
        .filter(f -> f.kind() == FindingId.POSTFIX_CONFIG_MYHOSTNAME_DNS)
        .findFirst()
        .orElse(null);
  }

  @Test
  void forwardAndReverseAgree() throws Exception {
    var dns =
        new FakeDns()
            .a("mail.example.com", "198.51.100.7")
            .ptr("7.100.51.198.in-addr.arpa", "mail.example.com");
    Finding f = run(dns, true);
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(f.evidence()).contains("198.51.100.7 PTR mail.example.com");
  }

  @Test
  void aPtrNamingSomethingElseWarnsWithTheAddress() throws Exception {
    var dns =
        new FakeDns()
            .a("mail.example.com", "198.51.100.7")
            .ptr("7.100.51.198.in-addr.arpa", "host-198-51-100-7.isp.example")
            .a("host-198-51-100-7.isp.example", "198.51.100.7");
    Finding f = run(dns, true);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.title()).contains("198.51.100.7").contains("mail.example.com");
    assertThat(f.remedy()).get().asString().contains("PTR to mail.example.com");
  }

  @Test
  void aNameWithoutAddressFailsAndAFailedLookupIsAnError() throws Exception {
    assertThat(run(new FakeDns(), true).status()).isEqualTo(Status.FAIL);
    var broken =
        new FakeDns()
            .servfail("mail.example.com", RecordType.A)
            .servfail("mail.example.com", RecordType.AAAA);
    assertThat(run(broken, true).status()).isEqualTo(Status.ERROR);
  }

  @Test
  void withoutDnsNothingIsAsked() throws Exception {
    var dns = new FakeDns();
    assertThat(run(dns, false)).isNull();
    assertThat(dns.asked()).isEmpty();
  }
}
