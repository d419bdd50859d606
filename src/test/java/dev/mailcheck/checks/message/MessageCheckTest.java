package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.Canonicalization;
import dev.mailcheck.checks.dkim.DkimAlgorithm;
import dev.mailcheck.checks.dkim.DkimKeyRecord;
import dev.mailcheck.checks.dkim.DkimPrivateKey;
import dev.mailcheck.checks.dkim.DkimSigner;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.MessageView;
import dev.mailcheck.testing.FindingStatuses;
import dev.mailcheck.testing.TestChecks;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** mailcheck message end to end through the contract, with a fake DNS. */
class MessageCheckTest {
  static final DkimPrivateKey KEY =
      DkimPrivateKey.generate(DkimAlgorithm.RSA_SHA256, 2048, new SecureRandom());

  static final String HEADERS =
      "Received: from mx.example.org (mx.example.org [10.0.0.5])\r\n\tby store.example.org (Postfix) with LMTP id 1; Tue, 9 Apr 2024 10:00:09 +0000\r\n"
          + "Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n\tby mx.example.org (Postfix) with ESMTPS id 2\r\n\tfor <bob@example.org>; Tue, 9 Apr 2024 10:00:05 +0000\r\n"
          + "Received: from [10.1.2.3] (unknown [203.0.113.9])\r\n\tby mail.example.com (Postfix) with ESMTPSA id 3; Tue, 9 Apr 2024 10:00:00 +0000\r\n";

  static final String BODY_HEADERS =
      "From: Alice <alice@example.com>\r\nTo: bob@example.org\r\nSubject: news\r\n"
          + "Date: Tue, 9 Apr 2024 09:59:59 +0000\r\nMessage-ID: <n1@example.com>\r\n"
          + "List-Unsubscribe: <https://example.com/u/1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\n"
          + "Hello Bob\r\n";

  static FakeDns dns(String dmarc) {
    FakeDns d =
        new FakeDns()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all")
            .txt("s1._domainkey.example.com", DkimKeyRecord.text(KEY))
            .ptr("10.2.0.192.in-addr.arpa", "mail.example.com")
            .a("mail.example.com", "192.0.2.10");
    if (dmarc != null) d.txt("_dmarc.example.com", dmarc);
    return d;
  }

  static String signed(String message) throws Exception {
    MessageInput in = input(message);
    var o =
        new DkimSigner.Options(
            "example.com",
            "s1",
            Canonicalization.RELAXED,
            Canonicalization.RELAXED,
            List.of(),
            true,
            1_712_656_799L);
    BodyHashes h = new BodyHashes(List.of(o.bodyRequest()));
    in.streamBody(h);
    return DkimSigner.sign(in.headers(), h.finish(), KEY, o, "\r\n") + message;
  }

  static MessageInput input(String m) throws Exception {
    return MessageInput.read(new ByteArrayInputStream(m.getBytes(StandardCharsets.ISO_8859_1)));
  }

  static dev.mailcheck.checks.CheckResult<MessageFacts> run(
      String message, FakeDns dns, boolean profile) throws Exception {
    var q =
        new MessageCheck.Query(
            input(message),
            Optional.empty(),
            Optional.empty(),
            Optional.of("alice@example.com"),
            new TrustBoundary.Auto(),
            profile);
    return TestChecks.run(Checks.MESSAGE, q, dns);
  }

  @Test
  void anAuthenticatedMessageIsDeliveredAsAuthenticated() throws Exception {
    var r = run(HEADERS + signed(BODY_HEADERS), dns("v=DMARC1; p=reject"), true);
    MessageView v = (MessageView) r.view();
    assertThat(v.verdict().text()).startsWith("delivered as authenticated: DMARC pass");
    assertThat(v.authentication().spf().result()).isEqualTo("pass");
    assertThat(v.authentication().spf().ip()).isEqualTo("192.0.2.10");
    assertThat(v.authentication().dmarc().dkimAligned()).isTrue();
    assertThat(v.trace().hops()).hasSize(3);
    assertThat(v.trace().externalHop()).isEqualTo(2);
    assertThat(v.trace().hops().get(1).tls()).isTrue();
    assertThat(v.trace().slowestHop()).isEqualTo(2);
    Map<String, Status> s = FindingStatuses.worst(r.findings());
    assertThat(s)
        .containsEntry("message.verdict", Status.PASS)
        .containsEntry("message.spf", Status.PASS)
        .containsEntry("message.dmarc", Status.PASS)
        .containsEntry("dkim.signature", Status.PASS)
        .containsEntry("bulk.unsubscribe", Status.PASS);
  }

  @Test
  void withoutDmarcTheBulkRulesInformOrFail() throws Exception {
    var info = run(HEADERS + signed(BODY_HEADERS), dns(null), false);
    assertThat(FindingStatuses.worst(info.findings()))
        .containsEntry("bulk.dmarc", Status.INFO)
        .containsEntry("message.verdict", Status.WARN);
    var fail = run(HEADERS + signed(BODY_HEADERS), dns(null), true);
    assertThat(FindingStatuses.worst(fail.findings())).containsEntry("bulk.dmarc", Status.FAIL);
    Finding dm =
        fail.findings().stream().filter(f -> f.id().equals("bulk.dmarc")).findFirst().orElseThrow();
    assertThat(dm.title()).contains("Gmail, Yahoo, Microsoft");
  }

  @Test
  void aChangedBodyFailsDmarcRejectAndTheReceiversPassIsExplained() throws Exception {
    String m = signed(BODY_HEADERS).replace("Hello Bob", "Hello Eve");
    String ar =
        "Authentication-Results: mx.example.org; dkim=pass header.d=example.com; spf=fail smtp.mailfrom=alice@example.com\r\n";
    var r = run(ar + HEADERS + m, dns("v=DMARC1; p=reject"), false);
    MessageView v = (MessageView) r.view();
    // SPF passes, so DMARC passes through SPF; the DKIM difference is explained.
    var dkim =
        v.authentication().receiverResults().stream()
            .filter(x -> x.method().equals("dkim"))
            .findFirst()
            .orElseThrow();
    assertThat(dkim.agree()).isFalse();
    assertThat(dkim.note()).contains("the body changed after the receiver verified it");
    var spf =
        v.authentication().receiverResults().stream()
            .filter(x -> x.method().equals("spf"))
            .findFirst()
            .orElseThrow();
    assertThat(spf.agree()).as(v.authentication().toString()).isFalse();
    // From another address, neither passes: the policy's reject is the verdict.
    var q =
        new MessageCheck.Query(
            input(ar + HEADERS + m),
            Optional.of(InetAddress.getByName("198.51.100.1")),
            Optional.empty(),
            Optional.of("alice@example.com"),
            new TrustBoundary.Auto(),
            false);
    var r2 = TestChecks.run(Checks.MESSAGE, q, dns("v=DMARC1; p=reject"));
    MessageView v2 = (MessageView) r2.view();
    assertThat(v2.verdict().status()).isEqualTo("fail");
    assertThat(v2.verdict().text()).contains("asks receivers to reject");
    assertThat(v2.authentication().dmarc().disposition()).isEqualTo("reject");
  }

  @Test
  void trustedHostsMoveTheBoundary() throws Exception {
    var q =
        new MessageCheck.Query(
            input(HEADERS + BODY_HEADERS),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new TrustBoundary.Count(3),
            false);
    MessageView v = (MessageView) TestChecks.run(Checks.MESSAGE, q, dns(null)).view();
    assertThat(v.trace().externalHop()).isEqualTo(1);
    assertThat(v.authentication().spf().ip()).isEqualTo("203.0.113.9");
    var hosts =
        new MessageCheck.Query(
            input(HEADERS + BODY_HEADERS),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new TrustBoundary.Hosts(List.of("example.org")),
            false);
    MessageView h = (MessageView) TestChecks.run(Checks.MESSAGE, hosts, dns(null)).view();
    assertThat(h.authentication().spf().ip()).isEqualTo("192.0.2.10");
  }

  @Test
  void headerProblemsAreFound() throws Exception {
    String m =
        "From: a@example.com\r\nFrom: b@example.com\r\nSubject: \u00e9t\u00e9\r\nMessage-ID: nope\r\nX-Long: "
            + "x".repeat(1200)
            + "\r\n\r\nbody\nbare lf\r\n";
    var r = run(m, dns(null), false);
    Map<String, Status> s = FindingStatuses.worst(r.findings());
    assertThat(s)
        .containsEntry("message.header-duplicate", Status.FAIL)
        .containsEntry("message.header-missing", Status.WARN)
        .containsEntry("message.header-malformed", Status.WARN)
        .containsEntry("message.header-8bit", Status.WARN)
        .containsEntry("message.line-length", Status.WARN)
        .containsEntry("message.bare-lf", Status.WARN);
  }

  /** The message as the only input: connection and trust boundary taken from its fields. */
  static MessageCheck.Query autoQuery(String message) throws Exception {
    return new MessageCheck.Query(
        input(message),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new TrustBoundary.Auto(),
        false);
  }

  static final String DSN =
      "Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.example.org (Mail Delivery System)\r\nTo: alice@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n"
          + "Date: Tue, 9 Apr 2024 10:00:10 +0000\r\nMessage-ID: <d1@mx.example.org>\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"B1\"\r\n\r\n"
          + "This is a MIME-encapsulated message.\r\n\r\n--B1\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
          + "I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n"
          + "--B1\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n"
          + "Reporting-MTA: dns; mx.example.org\r\nX-Postfix-Queue-ID: 4Tq\r\nArrival-Date: Tue,  9 Apr 2024 10:00:09 +0000 (UTC)\r\n\r\n"
          + "Final-Recipient: rfc822; nobody@example.org\r\nOriginal-Recipient: rfc822;nobody@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
          + "Remote-MTA: dns; store.example.org\r\nDiagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address\r\n    rejected: User unknown\r\n\r\n"
          + "Final-Recipient: rfc822; full@example.org\r\nAction: failed\r\nStatus: 5.2.2\r\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\r\n\r\n"
          + "--B1\r\nContent-Description: Undelivered Message Headers\r\nContent-Type: text/rfc822-headers\r\n\r\n"
          + "From: alice@example.com\r\nSubject: hi\r\n\r\n--B1--\r\n";

  @Test
  void aBounceIsExplainedPerRecipient() throws Exception {
    var q = autoQuery(DSN);
    var r = TestChecks.run(Checks.MESSAGE, q, dns(null));
    MessageView v = (MessageView) r.view();
    assertThat(v.bounce().reportingMta()).isEqualTo("mx.example.org");
    assertThat(v.bounce().recipients()).hasSize(2);
    var first = v.bounce().recipients().get(0);
    assertThat(first.recipient()).isEqualTo("nobody@example.org");
    assertThat(first.status()).isEqualTo("5.1.1");
    assertThat(first.smtpCode()).isEqualTo(550);
    assertThat(first.diagnostic()).contains("rejected: User unknown");
    assertThat(first.meaning()).isEqualTo("the mailbox does not exist");
    assertThat(v.bounce().recipients().get(1).meaning()).isEqualTo("the mailbox is full");
    assertThat(v.verdict().text())
        .startsWith(
            "bounce: 2 recipient(s) failed; nobody@example.org: 550 5.1.1 the mailbox does not exist");
    assertThat(r.findings().stream().filter(f -> f.id().equals("message.bounce")).count())
        .isEqualTo(2);
  }

  /** The DSN's header section as a helpdesk forwards it: multipart/mixed with {@code boundary}. */
  private static String forwardedDsnHeaders(String boundary) {
    return DSN.substring(0, DSN.indexOf("\r\n\r\n") + 4)
        .replace("MAILER-DAEMON@mx.example.org (Mail Delivery System)", "helpdesk@example.com")
        .replace("Undelivered Mail Returned to Sender", "Fwd: see attached")
        .replace(
            "multipart/report; report-type=delivery-status;\r\n\tboundary=\"B1\"",
            "multipart/mixed; boundary=" + boundary);
  }

  @Test
  void aReportWrappedInMultipartMixedIsStillABounce() throws Exception {
    // a gateway's forward of the DSN: the report is the second part of a multipart/mixed
    int body = DSN.indexOf("\r\n\r\n") + 4;
    String headers = forwardedDsnHeaders("OUT");
    String inner =
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\r\n\r\n"
            + DSN.substring(body);
    String wrapped =
        headers
            + "--OUT\r\nContent-Type: text/plain\r\n\r\nForwarded bounce, see below.\r\n--B1 is not a delimiter here\r\n"
            + "--OUT\r\n"
            + inner
            + "--OUT--\r\n";
    var q = autoQuery(wrapped);
    var r = TestChecks.run(Checks.MESSAGE, q, dns(null));
    MessageView v = (MessageView) r.view();
    assertThat(v.bounce().reportingMta()).isEqualTo("mx.example.org");
    assertThat(v.bounce().recipients()).hasSize(2);
    assertThat(v.bounce().recipients().get(0).status()).isEqualTo("5.1.1");
    assertThat(r.findings()).noneMatch(f -> f.id().equals("message.mime"));
  }

  /**
   * A report is found when it is at most {@link dev.mailcheck.checks.Limits#BODY_MULTIPART_NESTING}
   * (8) multiparts deep inside the top-level one, its own multipart/report counted; one level
   * deeper it is not looked for (issue 19: cap−1, cap, cap+1).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "report at nesting level {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {7, 8, 9})
  void aReportIsFoundUpToTheNestingCap(int level) throws Exception {
    int body = DSN.indexOf("\r\n\r\n") + 4;
    String headers = forwardedDsnHeaders("L0");
    StringBuilder m = new StringBuilder(headers);
    for (int i = 1; i < level; i++)
      m.append("--L")
          .append(i - 1)
          .append("\r\nContent-Type: multipart/mixed; boundary=L")
          .append(i)
          .append("\r\n\r\n");
    m.append("--L")
        .append(level - 1)
        .append(
            "\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\r\n\r\n")
        .append(DSN.substring(body));
    for (int i = level - 1; i >= 0; i--) m.append("--L").append(i).append("--\r\n");
    var r = TestChecks.run(Checks.MESSAGE, autoQuery(m.toString()), dns(null));
    long bounces = r.findings().stream().filter(f -> f.id().equals("message.bounce")).count();
    assertThat(bounces)
        .isEqualTo(level <= dev.mailcheck.checks.Limits.BODY_MULTIPART_NESTING ? 2 : 0);
  }

  @Test
  void brokenMimeIsReportedNotThrown() throws Exception {
    String m =
        "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\ntruncated";
    var r = run(m, dns(null), false);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.id()).isEqualTo("message.mime");
              assertThat(f.title()).contains("closing boundary");
            });
  }

  @Test
  void aThousandReceivedAndSignatureFieldsAreCapped() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1000; i++)
      b.append("Received: from h")
          .append(i)
          .append(".example (h.example [192.0.2.1]) by x.example with SMTP id ")
          .append(i)
          .append("; Tue, 9 Apr 2024 10:00:00 +0000\r\n");
    for (int i = 0; i < 1000; i++)
      b.append("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s")
          .append(i)
          .append("; h=from; bh=AA==; b=AA==\r\n");
    long t0 = System.nanoTime();
    var r = run(b + BODY_HEADERS, dns(null), false);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    MessageView v = (MessageView) r.view();
    assertThat(v.trace().hops()).hasSize(Limits.RECEIVED_FIELDS);
    assertThat(v.trace().truncated()).isTrue();
    assertThat(v.authentication().dkim()).hasSize(1000);
    assertThat(v.authentication().dkim().get(999).reason()).contains("only the first 20");
  }

  @Test
  void aFiftyMegabyteBodyStreamsInBoundedMemory() throws Exception {
    byte[] head = (HEADERS + BODY_HEADERS).getBytes(StandardCharsets.ISO_8859_1);
    long size = 50L * 1024 * 1024;
    InputStream body =
        new InputStream() {
          long n;

          @Override
          public int read() {
            return n++ < size ? (n % 100 == 0 ? '\n' : 'a') : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (n >= size) return -1;
            int k = (int) Math.min(len, size - n);
            for (int i = 0; i < k; i++) b[off + i] = (byte) (++n % 100 == 0 ? '\n' : 'a');
            return k;
          }
        };
    var in =
        MessageInput.read(new java.io.SequenceInputStream(new ByteArrayInputStream(head), body));
    Runtime rt = Runtime.getRuntime();
    var q =
        new MessageCheck.Query(
            in,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new TrustBoundary.Auto(),
            false);
    var r = TestChecks.run(Checks.MESSAGE, q, dns(null));
    MessageView v = (MessageView) r.view();
    assertThat(v.summary().sizeOctets()).isGreaterThan(size);
    assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(512L * 1024 * 1024);
    assertThat(FindingStatuses.worst(r.findings())).containsEntry("message.bare-lf", Status.WARN);
  }
}
