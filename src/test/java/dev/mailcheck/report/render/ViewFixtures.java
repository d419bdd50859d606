package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.BimiView;
import dev.mailcheck.report.view.CaaView;
import dev.mailcheck.report.view.DaneView;
import dev.mailcheck.report.view.DkimAuditView;
import dev.mailcheck.report.view.DkimVerifyView;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.report.view.DnssecView;
import dev.mailcheck.report.view.DomainSmtpView;
import dev.mailcheck.report.view.FetchView;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.MxView;
import dev.mailcheck.report.view.PortsView;
import dev.mailcheck.report.view.PtrView;
import dev.mailcheck.report.view.SendView;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.report.view.TlsRptView;
import dev.mailcheck.report.view.View;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One report per view type, for the golden files: every kind of display record the checks produce
 * is rendered as text and JSON, so a change to any view's layout or JSON shows up in review.
 */
final class ViewFixtures {
  private ViewFixtures() {}

  static List<RenderFixtures.Case> all() {
    return List.of(
        new RenderFixtures.Case("view-mx", report("mx", mx()), false, false),
        new RenderFixtures.Case("view-ptr", report("ptr", ptr()), false, false),
        new RenderFixtures.Case("view-smtp", report("smtp", smtp()), false, false),
        new RenderFixtures.Case(
            "view-domain-smtp",
            report("domain", new DomainSmtpView(List.of(smtp(), smtpFailed()), false, false)),
            false,
            false),
        new RenderFixtures.Case("view-ports", report("ports", ports()), false, false),
        new RenderFixtures.Case("view-spf-audit", report("spf", spfAudit()), false, false),
        new RenderFixtures.Case("view-spf-evaluation", report("spf", spfEval()), false, false),
        new RenderFixtures.Case("view-dkim-audit", report("dkim", dkimAudit()), false, false),
        new RenderFixtures.Case(
            "view-dkim-verify", report("dkim verify", dkimVerify()), false, false),
        new RenderFixtures.Case("view-dmarc", report("dmarc", dmarc()), false, false),
        new RenderFixtures.Case("view-dnssec", report("dnssec", dnssec()), false, false),
        new RenderFixtures.Case("view-dane", report("dane", dane()), false, false),
        new RenderFixtures.Case("view-mta-sts", report("mta-sts", mtaSts()), false, false),
        new RenderFixtures.Case("view-tls-rpt", report("domain", tlsRpt()), false, false),
        new RenderFixtures.Case("view-caa", report("domain", caa()), false, false),
        new RenderFixtures.Case("view-bimi", report("bimi", bimi()), false, false),
        new RenderFixtures.Case("view-postfix-log", postfixLog(), false, false),
        new RenderFixtures.Case("view-postfix-config", postfixConfig(), false, false),
        new RenderFixtures.Case("view-message", message(false), false, false),
        new RenderFixtures.Case("view-mailbox", message(true), false, false),
        new RenderFixtures.Case("view-send", report("send", send()), false, false));
  }

  private static Report report(String command, View view) {
    Finding f =
        Finding.of(FindingId.MX_PRESENT, Status.PASS, "A finding beside the view")
            .detail("The view comes first, the findings after it.")
            .build();
    return new Report(command, "example.com", List.of(f), List.of(view))
        .withDuration(Duration.ofMillis(42));
  }

  static MxView mx() {
    return new MxView(
        "example.com",
        "NOERROR",
        false,
        false,
        List.of(
            new MxView.Host(
                10,
                "mx1.example.com",
                List.of("192.0.2.10", "2001:db8::10"),
                "resolved",
                List.of(),
                List.of("192.0.2.10: documentation (TEST-NET-1, RFC 5737)")),
            new MxView.Host(
                20,
                "alias.example.com",
                List.of("198.51.100.7"),
                "resolved",
                List.of("alias.example.com", "real.example.net"),
                List.of()),
            new MxView.Host(30, "gone.example.com", List.of(), "nxdomain", List.of(), List.of())));
  }

  static PtrView ptr() {
    return new PtrView(
        List.of(
            new PtrView.Entry(
                "192.0.2.10",
                "10.2.0.192.in-addr.arpa",
                "NOERROR",
                "mx1.example.com",
                List.of(
                    new PtrView.Name("mx1.example.com", true, "NOERROR", List.of("192.0.2.10"), ""),
                    new PtrView.Name(
                        "192-0-2-10.dsl.example.net",
                        false,
                        "NOERROR",
                        List.of("203.0.113.9"),
                        "the address is embedded in the name"))),
            new PtrView.Entry(
                "2001:db8::10",
                "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                "NXDOMAIN",
                "",
                List.of())));
  }

  static SmtpView smtp() {
    var reply =
        new SmtpView.ReplyView(
            220, null, List.of("mx1.example.com ESMTP"), "service ready (RFC 5321 §4.2.3)");
    var ehlo =
        new SmtpView.ExtensionsView(
            "mx1.example.com",
            false,
            List.of("PIPELINING", "SIZE 10240000", "STARTTLS", "8BITMIME"),
            10240000L,
            List.of());
    var ehloTls =
        new SmtpView.ExtensionsView(
            "mx1.example.com",
            false,
            List.of("PIPELINING", "SIZE 10240000", "AUTH PLAIN", "8BITMIME"),
            10240000L,
            List.of("PLAIN"));
    var cert =
        new SmtpView.Cert(
            "CN=mx1.example.com",
            "CN=Example CA",
            List.of("mx1.example.com"),
            "2026-11-01T00:00:00Z",
            "2027-01-30T00:00:00Z",
            "EC",
            256,
            "SHA256withECDSA",
            "ab".repeat(32));
    var tls =
        new SmtpView.Tls(
            "TLSv1.3",
            "TLS_AES_256_GCM_SHA384",
            List.of(cert),
            true,
            null,
            "mx1.example.com",
            true,
            57,
            new SmtpView.Legacy(false, null, "TLS 1.0/1.1 refused", true));
    return new SmtpView(
        "mx1.example.com",
        25,
        "opportunistic",
        "192.0.2.10",
        List.of(new SmtpView.Attempt("192.0.2.10", 12, "connected", "connected in 12 ms")),
        List.of(
            new SmtpView.PhaseView("dns", 3, true),
            new SmtpView.PhaseView("connect", 12, true),
            new SmtpView.PhaseView("banner", 20, true),
            new SmtpView.PhaseView("ehlo", 4, true),
            new SmtpView.PhaseView("starttls", 30, true),
            new SmtpView.PhaseView("quit", 1, true)),
        70,
        reply,
        ehlo,
        ehloTls,
        "ok",
        tls,
        new SmtpView.Auth(
            List.of("PLAIN"),
            "PLAIN",
            "success",
            new SmtpView.ReplyView(
                235, "2.7.0", List.of("2.7.0 Authentication successful"), "authenticated"),
            "authenticated as alice@example.com"),
        null,
        null);
  }

  static SmtpView smtpFailed() {
    return new SmtpView(
        "mx2.example.com",
        25,
        "opportunistic",
        null,
        List.of(new SmtpView.Attempt("192.0.2.11", 5000, "timeout", "no answer within 5s")),
        List.of(new SmtpView.PhaseView("connect", 5000, false)),
        5000,
        null,
        null,
        null,
        "not-attempted",
        null,
        null,
        null,
        new SmtpView.FailureView("connect", "timeout", "no answer within 5s", true, null));
  }

  /** A delivery over two MX hosts: the first greylists, the second accepts. */
  static SendView send() {
    return new SendView(
        "alice@sender.example",
        List.of("bob@example.com"),
        "MX of example.com",
        "data",
        "delivered",
        "4Fq2Lk0x7Qz1",
        List.of(
            new SendView.Attempt(
                "mx1.example.com",
                10,
                "192.0.2.10",
                25,
                "TLSv1.3",
                "deferred",
                null,
                "rcpt: every recipient was refused: 451 4.7.1: deferred",
                List.of(
                    new SendView.StageRow("connect", 12, true, List.of()),
                    new SendView.StageRow("banner", 30, true, List.of("220 mx1.example.com ESMTP")),
                    new SendView.StageRow("ehlo", 4, true, List.of("250 mx1.example.com")),
                    new SendView.StageRow(
                        "starttls", 3, true, List.of("220 2.0.0 Ready to start TLS")),
                    new SendView.StageRow("tls-handshake", 25, true, List.of()),
                    new SendView.StageRow("ehlo-tls", 4, true, List.of("250 mx1.example.com")),
                    new SendView.StageRow("mail", 5, true, List.of("250 2.1.0 Ok")),
                    new SendView.StageRow(
                        "rcpt",
                        6,
                        true,
                        List.of(
                            "bob@example.com: 451 4.7.1 Greylisted, please try again in 5 minutes")))),
            new SendView.Attempt(
                "mx2.example.com",
                20,
                "192.0.2.20",
                25,
                null,
                "delivered",
                "4Fq2Lk0x7Qz1",
                null,
                List.of(
                    new SendView.StageRow("connect", 11, true, List.of()),
                    new SendView.StageRow("banner", 20, true, List.of("220 mx2.example.com ESMTP")),
                    new SendView.StageRow("ehlo", 4, true, List.of("250 mx2.example.com")),
                    new SendView.StageRow("mail", 5, true, List.of("250 2.1.0 Ok")),
                    new SendView.StageRow(
                        "rcpt", 5, true, List.of("bob@example.com: 250 2.1.5 Ok")),
                    new SendView.StageRow(
                        "data",
                        40,
                        true,
                        List.of(
                            "354 End data with <CR><LF>.<CR><LF>",
                            "250 2.0.0 Ok: queued as 4Fq2Lk0x7Qz1")),
                    new SendView.StageRow("quit", 1, true, List.of("221 2.0.0 Bye"))))));
  }

  static PortsView ports() {
    return new PortsView(
        "mail.example.com",
        List.of(
            new PortsView.Port(
                25,
                "SMTP (MX)",
                "open",
                "192.0.2.10",
                12L,
                "220 mail.example.com ESMTP",
                "TLSv1.3",
                "SMTP session completed",
                null),
            new PortsView.Port(
                465,
                "submissions (implicit TLS)",
                "refused",
                "192.0.2.10",
                null,
                null,
                null,
                "connection refused",
                "Nothing listens on 465."),
            new PortsView.Port(
                587,
                "submission (STARTTLS)",
                "filtered",
                "192.0.2.10",
                null,
                null,
                null,
                "no answer within 5s",
                "A firewall drops packets to 587.")));
  }

  static SpfView.Node spfTree() {
    var include =
        new SpfView.Node(
            Optional.of("include:_spf.example.net"),
            "_spf.example.net",
            Optional.of("v=spf1 ip4:198.51.100.0/24 ~all"),
            1,
            false,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    var mx =
        new SpfView.Node(
            Optional.of("mx"),
            "example.com",
            Optional.empty(),
            1,
            false,
            List.of("192.0.2.10"),
            List.of(),
            Optional.empty(),
            Optional.of("1 MX host: mx1.example.com (their address lookups are not counted)"));
    var gone =
        new SpfView.Node(
            Optional.of("a:gone.example.com"),
            "gone.example.com",
            Optional.empty(),
            1,
            true,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    return new SpfView.Node(
        Optional.empty(),
        "example.com",
        Optional.of("v=spf1 mx include:_spf.example.net a:gone.example.com -all"),
        3,
        false,
        List.of(),
        List.of(mx, include, gone),
        Optional.empty(),
        Optional.empty());
  }

  static SpfView spfAudit() {
    return new SpfView(
        "example.com",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of("v=spf1 mx include:_spf.example.net a:gone.example.com -all"),
        3,
        1,
        Optional.of(spfTree()),
        List.of());
  }

  static SpfView spfEval() {
    return new SpfView(
        "example.com",
        Optional.of("203.0.113.5"),
        Optional.of("bob@example.com"),
        Optional.of("mail.example.org"),
        Optional.of("fail"),
        Optional.of("matched -all"),
        Optional.of("203.0.113.5 may not send for example.com"),
        Optional.of("v=spf1 mx include:_spf.example.net a:gone.example.com -all"),
        3,
        1,
        Optional.of(spfTree()),
        List.of(
            "example.com: mx -> no match",
            "example.com: include:_spf.example.net -> no match",
            "example.com: a:gone.example.com -> void",
            "example.com: -all -> fail"));
  }

  static DkimAuditView dkimAudit() {
    return new DkimAuditView(
        "example.com",
        "NODATA",
        List.of("Google Workspace"),
        List.of(
            new DkimAuditView.SelectorView(
                "google",
                "Google Workspace",
                true,
                "NOERROR",
                "rsa",
                2048,
                false,
                false,
                "v=DKIM1; k=rsa; p=MIIB...",
                List.of(),
                null),
            new DkimAuditView.SelectorView(
                "s1",
                DkimAuditView.EXPLICIT,
                true,
                "NOERROR",
                "rsa",
                512,
                true,
                false,
                "v=DKIM1; t=y; p=MF...",
                List.of("s1._domainkey.example.com", "s1.dkim.esp.example"),
                "RSA key under 1024 bits"),
            new DkimAuditView.SelectorView(
                "old",
                DkimAuditView.EXPLICIT,
                false,
                "NXDOMAIN",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null),
            new DkimAuditView.SelectorView(
                "selector1",
                "common",
                false,
                "SERVFAIL",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null)));
  }

  static DkimVerifyView dkimVerify() {
    return new DkimVerifyView(
        List.of(
            new DkimVerifyView.SignatureView(
                "example.com",
                "s1",
                "rsa-sha256",
                "relaxed/relaxed",
                "pass",
                "signature verified",
                "@example.com",
                null,
                2048,
                List.of("from", "to", "subject", "date", "message-id"),
                List.of()),
            new DkimVerifyView.SignatureView(
                "esp.example",
                "k2",
                "ed25519-sha256",
                "relaxed/simple",
                "fail",
                "body hash did not verify",
                "@esp.example",
                1200L,
                null,
                List.of("from"),
                List.of("l= signs only part of the body"))),
        true);
  }

  static DmarcView dmarc() {
    var record =
        new DmarcView.RecordView(
            "_dmarc.example.com",
            "v=DMARC1; p=quarantine; sp=none; rua=mailto:d@example.com,mailto:r@ext.example; adkim=x",
            false,
            "quarantine",
            "none",
            "",
            "none",
            "none",
            "r",
            "r",
            List.of("mailto:d@example.com", "mailto:r@ext.example"),
            List.of(),
            List.of("0"),
            "u",
            "n",
            List.of(),
            List.of(),
            List.of(
                new DmarcView.ProblemView(
                    82, "error", "bad-value", "adkim must be r or s, not 'x'", 5)),
            "usable");
    return new DmarcView(
        "example.com",
        "example.com",
        "example.com",
        "2026-11-20_12-00-00_UTC",
        Optional.of(record),
        new DmarcView.DiscoveryView(
            "found", "example.com", "example.com", List.of("_dmarc.example.com"), ""),
        new DmarcView.DiscoveryView(
            "found", "example.com", "example.com", List.of("_dmarc.example.com"), ""),
        List.of(
            new DmarcView.Authorization(
                "ext.example", "example.com._report._dmarc.ext.example", "not-authorized")));
  }

  static DnssecView dnssec() {
    return new DnssecView(
        "built-in root trust anchor (KSK 20326, 38696)",
        List.of(
            new DnssecView.Entry(
                "example.com",
                "domain",
                "example.com MX",
                "NOERROR",
                "secure",
                "example.com",
                "signed chain from the root validates",
                "",
                "",
                ". DS 20326",
                false),
            new DnssecView.Entry(
                "mx1.example.net",
                "mx",
                "mx1.example.net A",
                "NOERROR",
                "insecure",
                "example.net",
                "no DS for example.net at net",
                "",
                "net. NSEC example.net (no DS)",
                ". DS 20326",
                true),
            new DnssecView.Entry(
                "mx2.example.org",
                "mx",
                "mx2.example.org A",
                "NOERROR",
                "bogus",
                "example.org",
                "the RRSIG over example.org DNSKEY expired on 2020-01-31",
                "signature-expired",
                "",
                ". DS 20326",
                false)));
  }

  static DaneView dane() {
    return new DaneView(
        List.of(
            new DaneView.Host(
                "mx1.example.com",
                25,
                "_25._tcp.mx1.example.com",
                "NOERROR",
                "secure",
                "secure",
                "",
                List.of(
                    new DaneView.Tlsa(
                        3, "DANE-EE", 1, 1, "ab".repeat(32), true, List.of("192.0.2.10")),
                    new DaneView.Tlsa(3, "DANE-EE", 1, 1, "cd".repeat(32), true, List.of())),
                List.of(
                    new DaneView.Endpoint(
                        "192.0.2.10", true, true, "leaf SPKI SHA-256 matches 3 1 1"))),
            new DaneView.Host(
                "mx2.example.com",
                25,
                "_25._tcp.mx2.example.com",
                "NXDOMAIN",
                "secure",
                "secure",
                "no TLSA records: DANE not deployed for this host",
                List.of(),
                List.of())));
  }

  static FetchView fetch(String url) {
    return new FetchView(url, "ok", 200, "text/plain", 120, "192.0.2.40", "", "", 35);
  }

  static MtaStsView mtaSts() {
    return new MtaStsView(
        "example.com",
        "found",
        List.of("v=STSv1; id=20261201T000000"),
        "20261201T000000",
        fetch("https://mta-sts.example.com/.well-known/mta-sts.txt"),
        Optional.of(
            new MtaStsView.Policy(
                "STSv1",
                "enforce",
                604800,
                List.of("mx1.example.com", "*.backup.example.com"),
                "CRLF",
                List.of(),
                List.of())),
        List.of(
            new MtaStsView.Mx("mx1.example.com", "mx1.example.com", "valid", ""),
            new MtaStsView.Mx(
                "mx2.example.com", "", "not-checked", "no mx: pattern matches mx2.example.com")));
  }

  static TlsRptView tlsRpt() {
    return new TlsRptView(
        "example.com",
        "found",
        List.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com"),
        List.of("mailto:tlsrpt@example.com"),
        List.of());
  }

  static CaaView caa() {
    return new CaaView(
        List.of(
            new CaaView.Entry(
                "mx1.example.com",
                "example.com",
                "found",
                List.of("0 issue \"letsencrypt.org\"", "0 iodef \"mailto:sec@example.com\"")),
            new CaaView.Entry("mx2.example.net", "", "none", List.of())));
  }

  static BimiView bimi() {
    return new BimiView(
        "example.com",
        "default",
        "default._bimi.example.com",
        "found",
        "v=BIMI1; l=https://example.com/logo.svg; a=",
        "https://example.com/logo.svg",
        "",
        Optional.of(fetch("https://example.com/logo.svg")),
        Optional.of(
            new BimiView.Logo(
                2048, "ef".repeat(32), "tiny-ps", "Example", "0 0 100 100", List.of())),
        Optional.empty(),
        Optional.empty());
  }

  private static final java.time.Clock FIXED =
      java.time.Clock.fixed(
          java.time.Instant.parse("2026-12-01T12:00:00Z"), java.time.ZoneOffset.UTC);

  /** The committed sample log through the real check (a fixed clock, a stream named mail.log). */
  static Report postfixLog() {
    byte[] log;
    try (var in =
        ViewFixtures.class.getResourceAsStream("/dev/mailcheck/checks/postfix/log/mail.log")) {
      log = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var q =
        new dev.mailcheck.checks.postfix.log.PostfixLogCheck.Query(
            List.of(
                new dev.mailcheck.checks.postfix.log.LogSource.Stream(
                    "mail.log", () -> new java.io.ByteArrayInputStream(log))),
            Optional.empty(),
            Optional.empty(),
            10,
            Optional.empty(),
            java.time.ZoneOffset.UTC);
    var r =
        dev.mailcheck.checks.Checks.POSTFIX_LOG
            .run(
                q,
                dev.mailcheck.testing.TestChecks.context(
                    new dev.mailcheck.dns.FakeDns(),
                    dev.mailcheck.checks.CheckSettings.defaults().withClock(FIXED)))
            .join();
    return new Report("postfix log", "mail.log", r.findings(), r.views())
        .withDuration(Duration.ofMillis(42));
  }

  /** The seed-style configuration through the real check (a relative path: the same everywhere). */
  static Report postfixConfig() {
    var dir = java.nio.file.Path.of("src/test/resources/dev/mailcheck/checks/postfix/config/seed");
    var q = new dev.mailcheck.checks.postfix.config.PostfixConfigCheck.Query(dir, List.of());
    var r =
        dev.mailcheck.checks.Checks.POSTFIX_CONFIG
            .run(
                q,
                dev.mailcheck.testing.TestChecks.context(
                    new dev.mailcheck.dns.FakeDns(),
                    dev.mailcheck.checks.CheckSettings.defaults().withClock(FIXED)))
            .join();
    return new Report("postfix config", dir.toString(), r.findings(), r.views())
        .withDuration(Duration.ofMillis(42));
  }

  /** A relayed, unsigned message through the real check: trace, SPF, DMARC, headers, verdict. */
  static Report message(boolean mailbox) {
    String m =
        "Received: from mx.example.net (mx.example.net [198.51.100.7])\r\n"
            + "\tby mx.example.org (Postfix) with ESMTPS id 4AbCdE for <bob@example.org>;\r\n"
            + "\tTue, 01 Dec 2026 11:59:58 +0000\r\n"
            + "Received: from [192.0.2.10] (unknown [192.0.2.10])\r\n"
            + "\tby mx.example.net (Postfix) with ESMTPSA id 1XyZ;\r\n"
            + "\tTue, 01 Dec 2026 11:59:50 +0000\r\n"
            + "From: Alice <alice@example.com>\r\n"
            + "To: bob@example.org\r\n"
            + "Subject: Quarterly numbers\r\n"
            + "Date: Tue, 01 Dec 2026 11:59:48 +0000\r\n"
            + "Message-ID: <1@example.com>\r\n"
            + "\r\n"
            + "Hello Bob.\r\n";
    var dns =
        new dev.mailcheck.dns.FakeDns()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all")
            .txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
    try {
      var input =
          dev.mailcheck.checks.dkim.MessageInput.read(
              new java.io.ByteArrayInputStream(
                  m.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
      var q = dev.mailcheck.checks.message.MessageCheck.Query.of(input);
      var r =
          dev.mailcheck.checks.Checks.MESSAGE
              .run(
                  q,
                  dev.mailcheck.testing.TestChecks.context(
                      dns, dev.mailcheck.checks.CheckSettings.defaults().withClock(FIXED)))
              .join();
      List<View> views =
          mailbox
              ? List.of(
                  new dev.mailcheck.report.view.MailboxView(
                      List.of((dev.mailcheck.report.view.MessageView) r.view())))
              : r.views();
      return new Report("message", "message.eml", r.findings(), views)
          .withDuration(Duration.ofMillis(42));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
