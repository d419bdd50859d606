package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.MxView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports built in code for the renderer golden files: every status, remedy, evidence, subject, a
 * section, a score, the DNS trace and an SMTP transcript, and hostile text. Durations are fixed so
 * that output is byte-stable.
 */
final class RenderFixtures {
  private RenderFixtures() {}

  /** A golden case: the report, and whether it is rendered verbose (-v) and in colour. */
  record Case(String name, Report report, boolean verbose, boolean color) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> all() {
    var cases = new java.util.ArrayList<Case>(base());
    cases.addAll(ViewFixtures.all());
    return cases;
  }

  static List<Case> base() {
    return List.of(
        new Case("every-status", everyStatus(), false, false),
        new Case("every-status-color", everyStatus(), false, true),
        new Case("scored", scored(), false, false),
        new Case("verbose", verbose(), true, false),
        new Case("not-verbose", verbose(), false, false),
        new Case("empty", empty(), false, false),
        new Case("incomplete", incomplete(), false, false),
        new Case("hostile", hostile(), true, false),
        new Case("blocklist", blocklist(), false, false),
        new Case("dmarc-report", dmarcReport(), false, false));
  }

  /** A blocklist run through the real check on FakeDns: listed, policy, refusal, clean, skipped. */
  static Report blocklist() {
    var dns =
        new dev.mailcheck.dns.FakeDns()
            .a("2.2.0.192.zen.spamhaus.org", "127.0.0.2")
            .txt("2.2.0.192.zen.spamhaus.org", "https://check.spamhaus.org/sbl/query/SBL1")
            .a("3.2.0.192.zen.spamhaus.org", "127.0.0.11")
            .a("example.com.dbl.spamhaus.org", "127.255.255.254")
            .timeout("example.com.multi.uribl.com", dev.mailcheck.dns.RecordType.A);
    var lists = dev.mailcheck.checks.blocklist.BlocklistCatalog.defaults();
    java.util.function.Function<String, dev.mailcheck.checks.blocklist.BlocklistTarget> ip =
        a ->
            dev.mailcheck.checks.blocklist.BlocklistTarget.address(
                dev.mailcheck.internal.InetAddresses.parse(a).orElseThrow(),
                dev.mailcheck.checks.blocklist.BlocklistTarget.Role.GIVEN,
                "");
    var q =
        new dev.mailcheck.checks.blocklist.BlocklistCheck.Query(
            List.of(
                ip.apply("192.0.2.1"),
                ip.apply("192.0.2.2"),
                ip.apply("192.0.2.3"),
                ip.apply("2001:db8::1"),
                dev.mailcheck.checks.blocklist.BlocklistTarget.domain(
                    "example.com", dev.mailcheck.checks.blocklist.BlocklistTarget.Role.GIVEN, "")),
            lists);
    var r =
        dev.mailcheck.testing.TestChecks.run(
            dev.mailcheck.checks.Checks.BLOCKLIST,
            q,
            dns,
            dev.mailcheck.checks.CheckSettings.defaults().withAllowPrivate(true));
    return new Report("blocklist", "192.0.2.1 ... example.com", r.findings(), r.views());
  }

  /** The four reporter-shaped fixtures through the real check (no PTR). */
  static Report dmarcReport() {
    java.nio.file.Path dir =
        java.nio.file.Path.of("src/test/resources/dev/mailcheck/checks/dmarcreport");
    var q =
        new dev.mailcheck.checks.dmarcreport.DmarcReportCheck.Query(
            List.of(
                dir.resolve("google.xml"),
                dir.resolve("microsoft.xml"),
                dir.resolve("yahoo.xml"),
                dir.resolve("fastmail.xml"),
                dir.resolve("truncated.xml")),
            false,
            dev.mailcheck.checks.dmarcreport.ReportLimits.defaults());
    var r =
        dev.mailcheck.testing.TestChecks.run(
            dev.mailcheck.checks.Checks.DMARC_REPORT, q, new dev.mailcheck.dns.FakeDns());
    return new Report("dmarc report", "google.xml and 4 more", r.findings(), r.views());
  }

  static Report everyStatus() {
    return new Report(
            "mx",
            "example.com",
            List.of(
                Finding.of(
                        dev.mailcheck.report.FindingId.of("mx.present"),
                        Status.PASS,
                        "MX records found")
                    .detail("2 hosts")
                    .build(),
                Finding.of(dev.mailcheck.report.FindingId.of("mx.null"), Status.INFO, "No null MX")
                    .build(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("mx.ip-literal"),
                        Status.WARN,
                        "MX target is an IP address")
                    .detail("RFC 5321 section 5.1: an MX names a host, not an address.")
                    .remedy(
                        "Point the MX at a host name with an A record:\nexample.com. MX 10 mail.example.com.")
                    .subject("192.0.2.1")
                    .evidence("example.com. 300 IN MX 10 192.0.2.1.")
                    .build(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("mx.resolvable"),
                        Status.FAIL,
                        "MX host does not resolve")
                    .detail("mail2.example.com has no A or AAAA record.")
                    .remedy("Add an address record for mail2.example.com, or remove the MX.")
                    .subject("mail2.example.com")
                    .evidence("mail2.example.com A: NXDOMAIN", "mail2.example.com AAAA: NXDOMAIN")
                    .build(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("spf.dns"),
                        Status.ERROR,
                        "DNS server did not answer")
                    .detail("No reply within 5s.")
                    .subject("127.0.0.1:53")
                    .build(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("mx.same-preference"),
                        Status.PASS,
                        "Two MX hosts for redundancy")
                    .build()),
            List.of(
                new MxView(
                    "example.com",
                    "NOERROR",
                    false,
                    false,
                    List.of(
                        new MxView.Host(
                            10,
                            "mail.example.com",
                            List.of("192.0.2.10", "2001:db8::10"),
                            "resolved",
                            List.of(),
                            List.of()),
                        new MxView.Host(
                            20,
                            "mail2.example.com",
                            List.of(),
                            "no-address",
                            List.of(),
                            List.of())))))
        .withDuration(Duration.ofMillis(1234));
  }

  static Report scored() {
    Score score =
        new Score(
            72,
            "C",
            Map.of(
                "spf", new Score.CategoryScore(100, Status.PASS),
                "dmarc", new Score.CategoryScore(40, Status.WARN),
                "dkim", new Score.CategoryScore(0, Status.FAIL)),
            List.of(
                new Score.Deduction(15, "dmarc.policy", "DMARC policy is none"),
                new Score.Deduction(
                    13, "dkim.selector", "no DKIM key found at the common selectors")),
            List.of("no DKIM key: grade capped at C"));
    return new Report(
            "domain",
            "example.org",
            List.of(
                Finding.of(
                        dev.mailcheck.report.FindingId.of("spf.syntax"),
                        Status.PASS,
                        "SPF record found")
                    .evidence("v=spf1 include:_spf.example.net -all")
                    .build(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("dmarc.policy"),
                        Status.WARN,
                        "DMARC policy is none")
                    .detail("Receivers are asked to take no action on failing mail.")
                    .remedy(
                        "_dmarc.example.org. TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.org\"")
                    .build(),
                Finding.of(
                        dev.mailcheck.report.FindingId.of("dkim.selector"),
                        Status.FAIL,
                        "No DKIM key found")
                    .detail("Tried 12 selectors.")
                    .build()),
            List.of())
        .withScore(score)
        .withDuration(Duration.ofMillis(2051));
  }

  static Report verbose() {
    return new Report(
            "smtp",
            "mail.example.com:25",
            List.of(
                Finding.of(
                        dev.mailcheck.report.FindingId.of("smtp.starttls"),
                        Status.PASS,
                        "STARTTLS offered and works")
                    .evidence("250-STARTTLS")
                    .build()),
            List.of())
        .withDuration(Duration.ofMillis(310))
        .withTrace(
            List.of(
                new Report.TraceLine(
                    "mail.example.com",
                    "A",
                    "127.0.0.1:5353",
                    "records",
                    List.of("mail.example.com. 300 IN A 192.0.2.10"),
                    3,
                    "udp",
                    false),
                new Report.TraceLine(
                    "mail.example.com",
                    "AAAA",
                    "127.0.0.1:5353",
                    "nodata",
                    List.of(),
                    2,
                    "udp",
                    false),
                new Report.TraceLine(
                    "mail.example.com",
                    "A",
                    "127.0.0.1:5353",
                    "records",
                    List.of("mail.example.com. 300 IN A 192.0.2.10"),
                    0,
                    "cache",
                    true)))
        .withTranscript(
            List.of(
                "S: 220 mail.example.com ESMTP",
                "C: EHLO mailcheck.invalid",
                "S: 250-mail.example.com",
                "S: 250 STARTTLS",
                "C: STARTTLS",
                "S: 220 2.0.0 Ready to start TLS"));
  }

  static Report empty() {
    return new Report("spf", "example.net", List.of(), List.of())
        .withDuration(Duration.ofMillis(5));
  }

  static Report incomplete() {
    return new Report(
            "mx",
            "example.com",
            List.of(
                Finding.of(
                        dev.mailcheck.report.FindingId.of("spf.dns"),
                        Status.ERROR,
                        "No DNS server answered")
                    .detail("Asked 127.0.0.1:53 three times; no reply within 5s each.")
                    .build()),
            List.of())
        .withIncomplete(true)
        .withDuration(Duration.ofMillis(15007));
  }

  /** What a hostile DNS or SMTP server could put in front of the user. */
  static Report hostile() {
    return new Report(
            "smtp",
            "evil.example\u001b[2J",
            List.of(
                Finding.of(
                        dev.mailcheck.report.FindingId.of("smtp.banner"),
                        Status.WARN,
                        "Banner says \u001b[31mOK\u001b[0m")
                    .detail("line one\r\nline two\rhidden\u0008\u0008\u0008")
                    .subject("host\u202eoc.exe")
                    .evidence(
                        "v=spf1 \u001b]0;pwned\u0007 -all",
                        "tab\there",
                        "C1 \u009b31m and DEL \u007f")
                    .remedy("Ask the operator.\u2028Really.")
                    .build()),
            List.of())
        .withDuration(Duration.ofMillis(42))
        .withTrace(
            List.of(
                new Report.TraceLine(
                    "evil.example",
                    "TXT",
                    "127.0.0.1:53",
                    "records",
                    List.of("\"\u001b[1mbold\""),
                    1,
                    "udp",
                    false)))
        .withTranscript(List.of("S: 220 evil\u001b[8m hidden\r\n", "C: QUIT"));
  }

  static Optional<Case> named(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
