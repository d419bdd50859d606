package dev.mailcheck.checks.postfix.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.PostfixLogView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostfixLogCheckTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  static byte[] resource(String name) throws IOException {
    try (InputStream in = PostfixLogCheckTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  static PostfixLogView read(byte[] log, Optional<String> domain) {
    var q =
        new PostfixLogCheck.Query(
            List.of(new LogSource.Stream("test", () -> new ByteArrayInputStream(log))),
            Optional.empty(),
            Optional.empty(),
            10,
            domain,
            ZoneOffset.UTC);
    return new PostfixLogCheck().read(q, CheckSettings.defaults().withClock(CLOCK)).all();
  }

  static Finding finding(List<Finding> fs, FindingId id) {
    return fs.stream().filter(f -> f.kind() == id).findFirst().orElseThrow();
  }

  @Test
  void totalsAgreeWithPflogsummOnTheFixture() throws IOException {
    // pflogsumm 1.1.5 on mail.log: 3 received, 3 delivered, 1 forwarded, 2 deferred (3 deferrals),
    // 1 bounced, 5 rejected, 12800 bytes received, 14336 bytes delivered
    var t = read(resource("mail.log"), Optional.empty()).totals();
    assertThat(t.received()).isEqualTo(3);
    assertThat(t.delivered()).isEqualTo(3);
    assertThat(t.forwarded()).isEqualTo(1);
    assertThat(t.deferred()).isEqualTo(2);
    assertThat(t.deferrals()).isEqualTo(3);
    assertThat(t.bounced()).isEqualTo(1);
    assertThat(t.rejected()).isEqualTo(5);
    assertThat(t.bytesReceived()).isEqualTo(12800);
    assertThat(t.bytesDelivered()).isEqualTo(14336);
    assertThat(t.expired()).isEqualTo(1);
    assertThat(t.notifications()).isEqualTo(1);
  }

  @Test
  void labPostfixSampleAgreesWithPflogsumm() throws IOException {
    // lab-postfix.log: written by the interop lab's Postfix 3.7
    // (src/test/interop/postfix-traffic.sh);
    // pflogsumm 1.1.5 on it: 5 received, 4 delivered, 1 deferred (1 deferral), 2 bounced, 2
    // rejected
    var v = read(resource("lab-postfix.log"), Optional.empty());
    var t = v.totals();
    assertThat(
            List.of(
                t.received(),
                t.delivered(),
                t.deferred(),
                t.deferrals(),
                t.bounced(),
                t.rejected()))
        .containsExactly(5L, 4L, 1L, 1L, 2L, 2L);
    assertThat(v.input().unparsed()).isZero();
    assertThat(v.bounceReasons())
        .extracting(PostfixLogView.ReasonRow::kind)
        .containsExactlyInAnyOrder("loop", "mailbox-unknown");
    assertThat(v.deferralReasons())
        .extracting(PostfixLogView.ReasonRow::kind)
        .containsExactly("connection-refused");
    assertThat(v.saslFailures()).containsExactly(new PostfixLogView.Count("127.0.0.1", 3));
    assertThat(v.saslFailedUsers())
        .containsExactly(new PostfixLogView.Count("interop@good.test", 3));
    assertThat(v.saslLogins()).containsExactly(new PostfixLogView.Count("interop@good.test", 5));
    assertThat(v.tls().inboundTls()).isPositive();
  }

  @Test
  void tablesJoinedByQueueId() throws IOException {
    var v = read(resource("mail.log"), Optional.empty());
    assertThat(v.recipientDomains())
        .extracting(PostfixLogView.DomainRow::domain)
        .containsExactly("mail.example.com", "gmail.com", "slow.example", "grey.example");
    var gmail = v.recipientDomains().get(1);
    assertThat(gmail.delivered()).isEqualTo(1);
    assertThat(gmail.bounced()).isEqualTo(1);
    assertThat(v.senderDomains())
        .extracting(PostfixLogView.SenderRow::domain)
        .containsExactlyInAnyOrder("example.org", "example.com", "mail.example.com");
    assertThat(v.relays())
        .extracting(PostfixLogView.RelayRow::relay)
        .contains("gmail-smtp-in.l.google.com[142.250.1.26]", "local");
    assertThat(v.deferralReasons())
        .extracting(PostfixLogView.ReasonRow::kind)
        .containsExactly("timeout", "greylisted");
    assertThat(v.deferralReasons().get(0).count()).isEqualTo(2);
    assertThat(v.deferralReasons().get(0).reason()).isEqualTo("Connection timed out");
    assertThat(v.bounceReasons())
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo("mailbox-unknown"));
    assertThat(v.rejections())
        .extracting(PostfixLogView.RejectRow::kind)
        .containsExactlyInAnyOrder(
            "blocklist", "blocklist", "relay-denied", "unknown-recipient", "milter");
    assertThat(v.blocklists())
        .singleElement()
        .isEqualTo(new PostfixLogView.BlocklistRow("zen.spamhaus.org", 2, 1));
    assertThat(v.saslFailures()).containsExactly(new PostfixLogView.Count("203.0.113.66", 3));
    assertThat(v.saslFailedUsers()).containsExactly(new PostfixLogView.Count("admin", 1));
    assertThat(v.saslLogins()).containsExactly(new PostfixLogView.Count("bob@example.com", 1));
    assertThat(v.postscreen())
        .extracting(PostfixLogView.Count::name)
        .containsExactlyInAnyOrder("CONNECT", "PREGREET", "DNSBL", "PASS NEW");
    assertThat(v.tls().inboundConnections()).isEqualTo(3);
    assertThat(v.tls().inboundTls()).isEqualTo(2);
    assertThat(v.tls().outboundDeliveries()).isEqualTo(1);
    assertThat(v.tls().outboundTlsDeliveries()).isEqualTo(1);
    assertThat(v.tls().outboundLevels()).containsExactly(new PostfixLogView.Count("Verified", 1));
    assertThat(v.services())
        .extracting(PostfixLogView.ServiceRow::service)
        .contains("postfix/submission/smtpd", "postfix/smtpd", "postfix/postscreen");
    assertThat(v.input().otherProgramLines()).isEqualTo(2);
    assertThat(v.input().unparsed()).isEqualTo(1);
    assertThat(v.input().first()).contains("2024-05-03T10:00:01Z");
  }

  @Test
  void delayPercentilesAndSplit() throws IOException {
    var d = read(resource("mail.log"), Optional.empty()).delays();
    assertThat(d.count()).isEqualTo(3);
    assertThat(d.p50()).isEqualTo(0.6);
    assertThat(d.max()).isEqualTo(1.9);
    assertThat(d.connectionSetup().max()).isEqualTo(0.8);
    assertThat(d.transmission().max()).isEqualTo(1.0);
  }

  @Test
  void domainFilterKeepsOnlyThatDomain() throws IOException {
    var v = read(resource("mail.log"), Optional.of("gmail.com"));
    assertThat(v.totals().delivered()).isEqualTo(1);
    assertThat(v.totals().bounced()).isEqualTo(1);
    assertThat(v.totals().deferred()).isZero();
    assertThat(v.totals().rejected()).isZero();
    assertThat(v.recipientDomains())
        .extracting(PostfixLogView.DomainRow::domain)
        .containsExactly("gmail.com");
  }

  @Test
  void findingsOfTheFixture() throws IOException {
    var v = read(resource("mail.log"), Optional.empty());
    var fs = LogFindings.evaluate(v, Optional.empty());
    assertThat(finding(fs, FindingId.POSTFIX_LOG_DEFERRED).status()).isEqualTo(Status.WARN);
    assertThat(finding(fs, FindingId.POSTFIX_LOG_DEFERRED).remedy())
        .hasValueSatisfying(r -> assertThat(r).contains("port 25"));
    assertThat(finding(fs, FindingId.POSTFIX_LOG_BOUNCED).status()).isEqualTo(Status.FAIL);
    assertThat(finding(fs, FindingId.POSTFIX_LOG_REJECTED).status()).isEqualTo(Status.INFO);
    assertThat(finding(fs, FindingId.POSTFIX_LOG_SASL_FAILURES).status()).isEqualTo(Status.INFO);
    assertThat(finding(fs, FindingId.POSTFIX_LOG_TLS).status()).isEqualTo(Status.PASS);
    assertThat(finding(fs, FindingId.POSTFIX_LOG_EXPIRED).status()).isEqualTo(Status.WARN);
  }

  @Test
  void bruteForceIsAWarning() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 12; i++)
      log.append("May  3 10:06:4")
          .append(i % 10)
          .append(
              " mail postfix/smtpd[1021]: warning: unknown[203.0.113.66]: SASL LOGIN authentication failed: UGFzc3dvcmQ6\n");
    var v = read(log.toString().getBytes(StandardCharsets.US_ASCII), Optional.empty());
    var f = finding(LogFindings.evaluate(v, Optional.empty()), FindingId.POSTFIX_LOG_SASL_FAILURES);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.evidence()).containsExactly("203.0.113.66: 12 failed logins");
    assertThat(f.remedy())
        .hasValueSatisfying(r -> assertThat(r).contains("smtpd_client_auth_rate_limit"));
  }

  @Test
  void rfc5424IsoAndJournalLinesParse() throws IOException {
    var v = read(resource("rfc5424.log"), Optional.empty());
    assertThat(v.input().unparsed()).isZero();
    assertThat(v.input().postfixLines()).isEqualTo(5);
    assertThat(v.totals().received()).isEqualTo(1);
    assertThat(v.totals().delivered()).isEqualTo(1);
    assertThat(v.totals().deferred()).isEqualTo(1);
    assertThat(v.input().first()).contains("2024-05-03T08:00:02Z");
    assertThat(v.input().last()).contains("2024-05-03T10:00:03Z");
  }

  @Test
  void otherDaemonsAndGarbageAreCountedNeverFatal() {
    byte[] junk =
        "CRON[1]: x\n\u0000\u0001\u0002binary\u0000\nMay 99 10:00:00 host postfix/smtpd[1]: connect from x\n2024-13-01T00:00:00Z h postfix/smtpd[1]: y\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    var v = read(junk, Optional.empty());
    assertThat(v.input().lines()).isEqualTo(4);
    assertThat(v.input().binary()).isEqualTo(1);
    assertThat(v.input().unparsed()).isEqualTo(3);
    var f = finding(LogFindings.evaluate(v, Optional.empty()), FindingId.POSTFIX_LOG_INPUT);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.title()).isEqualTo("No Postfix lines in the input");
  }
}
