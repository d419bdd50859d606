package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.testserver.TestDnsServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validation from a test anchor over the run's resolver stack, on zones signed at test time. */
class DnssecValidatorIT {
  static TestDnsServer server;
  static SignedLab lab;

  @BeforeAll
  static void start() {
    server = TestDnsServer.start();
    lab = new SignedLab().serve(server, "");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static DnsStack stack() {
    return DnsStack.open(DnsSettings.of(List.of(server.socketAddress()), Duration.ofSeconds(2)));
  }

  static Validation validate(DnsStack s, String name, RecordType type) {
    return DnssecValidator.over(s.client(), lab.anchors(), Clock.systemUTC())
        .validate(DnsQuestion.of(name, type))
        .join();
  }

  @Test
  void signedAnswerIsSecureWithItsZone() {
    try (DnsStack s = stack()) {
      Validation v = validate(s, "good.test", RecordType.MX);
      assertThat(v.status()).as(v.reason()).isEqualTo(DnssecStatus.SECURE);
      assertThat(v.zone()).contains("good.test");
      assertThat(v.outcome()).isInstanceOf(DnsResult.Records.class);
      assertThat(v.anchor()).contains("test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void signedDenialsAreSecure() throws Exception {
    try (DnsStack s = stack()) {
      Validation nodata = validate(s, "mx.good.test", RecordType.TXT);
      assertThat(nodata.status()).as(nodata.reason()).isEqualTo(DnssecStatus.SECURE);
      assertThat(nodata.outcome()).isInstanceOf(DnsResult.NoData.class);
      Validation nx = validate(s, "nothing.good.test", RecordType.A);
      assertThat(nx.status()).as(nx.reason()).isEqualTo(DnssecStatus.SECURE);
      assertThat(nx.outcome()).isInstanceOf(DnsResult.NxDomain.class);
    }
  }

  @Test
  void unsignedDelegationIsInsecureWithTheParentsProof() throws Exception {
    try (DnsStack s = stack()) {
      Validation v = validate(s, "mx.insecure.test", RecordType.A);
      assertThat(v.status()).as(v.reason()).isEqualTo(DnssecStatus.INSECURE);
      assertThat(v.insecureProof())
          .hasValueSatisfying(
              p -> assertThat(p).startsWith("insecure.test. ").contains("NSEC").contains("NS"));
    }
  }

  @Test
  void expiredSignaturesAreBogus() throws Exception {
    try (DnsStack s = stack()) {
      Validation v = validate(s, "expired.test", RecordType.MX);
      assertThat(v.status()).as(v.reason()).isEqualTo(DnssecStatus.BOGUS);
      assertThat(v.bogusReason()).as(v.reason()).contains(BogusReason.SIGNATURE_EXPIRED);
    }
  }

  @Test
  void dsForAnotherKeyIsBogus() throws Exception {
    try (DnsStack s = stack()) {
      Validation v = validate(s, "wrongkey.test", RecordType.MX);
      assertThat(v.status()).as(v.reason()).isEqualTo(DnssecStatus.BOGUS);
      assertThat(v.reason()).isNotBlank();
    }
  }

  @Test
  void eachZonesKeysAreAskedOncePerRun() throws Exception {
    server.clearQueries();
    try (DnsStack s = stack()) {
      DnssecValidator v = DnssecValidator.over(s.client(), lab.anchors(), Clock.systemUTC());
      v.validate(DnsQuestion.of("good.test", RecordType.MX)).join();
      v.validate(DnsQuestion.of("mx.good.test", RecordType.A)).join();
      DnssecValidator.over(s.client(), lab.anchors(), Clock.systemUTC())
          .validate(DnsQuestion.of("mx.good.test", RecordType.AAAA))
          .join();
    }
    assertThat(server.count("good.test", RecordType.DNSKEY)).isEqualTo(1);
    assertThat(server.count("good.test", RecordType.DS)).isEqualTo(1);
    assertThat(server.count("test", RecordType.DNSKEY)).isEqualTo(1);
  }

  @Test
  void aFailedKeyLookupIsIndeterminateNotBogus() throws Exception {
    server.servfail("good.test", RecordType.DNSKEY);
    try (DnsStack s = stack()) {
      Validation v = validate(s, "good.test", RecordType.MX);
      assertThat(v.status()).as(v.reason()).isEqualTo(DnssecStatus.INDETERMINATE);
      assertThat(v.reason()).contains("DNSKEY").contains("SERVFAIL");
    } finally {
      server.clearFaults();
    }
  }

  @Test
  void noAnchorAboveTheNameIsInsecureWithoutProof() throws Exception {
    server.a("other.example", "127.0.0.9");
    try (DnsStack s = stack()) {
      Validation v = validate(s, "other.example", RecordType.A);
      assertThat(v.status()).isEqualTo(DnssecStatus.INSECURE);
      assertThat(v.reason()).contains("no trust anchor");
    }
  }
}
