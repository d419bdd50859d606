package dev.mailcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.spf.SpfCheck;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.testing.TestChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #15: remedies are exact. Every check runs over zones broken in many ways, and every
 * remedy it renders is checked for placeholders where the real value is known ({@code <domain>},
 * {@code HOST:25}, "your domain", "mail server name"), and for suggesting {@code p=none}.
 */
class RemedyPlaceholderTest {
  private static final String D = "broken.example";

  /** Placeholder shapes: angle-bracket words, upper-case stand-ins, "your ..." phrases. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "<[a-z][a-z -]*>|\\bHOST(:|\\b)|\\bDOMAIN\\b|\\bEXAMPLE\\b|(?i)your[- ]domain|mail server name|example\\.com");

  static List<FakeDns> zones() {
    return List.of(
        // MX: null MX beside others, CNAME, IP literal, missing target, private addresses
        new FakeDns()
            .mx(D, 10, "alias." + D)
            .cname("alias." + D, "real." + D)
            .a("real." + D, "10.0.0.5")
            .mx(D, 20, "192.0.2.1")
            .mx(D, 30, "gone." + D)
            .mx(D, 0, ""),
        // SPF: +all, too many lookups, a missing include, a syntax error, ptr
        new FakeDns()
            .txt(D, "v=spf1 ptr include:nospf." + D + " a:x1." + D + " mx +all")
            .txt("_dmarc." + D, "v=DMARC1; p=none; rua=mailto:d@elsewhere.test"),
        new FakeDns()
            .txt(D, "v=spf1 ip4:300.1.1.1 include:a." + D + " -all")
            .txt("a." + D, "v=spf1 include:b." + D + " include:c." + D + " include:d." + D)
            .txt("_dmarc." + D, "v=DMARC1; p=rejected; adkim=x; rua=mailto:d@" + D),
        // DMARC: v not first, no p, multiple records; SPF: two records
        new FakeDns()
            .txt(D, "v=spf1 -all")
            .txt(D, "v=spf1 mx -all")
            .txt("_dmarc." + D, "p=reject; v=DMARC1")
            .txt("_dmarc." + D, "v=DMARC1; p=quarantine; sp=none; pct=50"),
        // temporary failures everywhere
        new FakeDns()
            .servfail(D, RecordType.TXT)
            .servfail(D, RecordType.MX)
            .servfail("_dmarc." + D, RecordType.TXT),
        // DKIM: revoked, weak, testing, wrong service
        new FakeDns()
            .txt("s1._domainkey." + D, "v=DKIM1; p=")
            .txt(
                "s2._domainkey." + D,
                "v=DKIM1; k=rsa; t=y; s=other; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==")
            .txt("_dmarc." + D, "v=DMARC1; p=reject"));
  }

  @Test
  void noRemedyHasAPlaceholderOrSuggestsADowngrade() {
    List<String> remedies = new ArrayList<>();
    List<String> enforcingZoneDmarcRemedies = new ArrayList<>();
    List<FakeDns> zones = zones();
    for (int z = 0; z < zones.size(); z++) {
      FakeDns dns = zones.get(z);
      // zones 2, 3 and 5 publish p=reject or p=quarantine (broken or not)
      boolean enforcing = z == 2 || z == 3 || z == 5;
      List<Finding> findings = new ArrayList<>();
      findings.addAll(TestChecks.run(Checks.MX, D, dns).findings());
      findings.addAll(TestChecks.run(Checks.SPF, SpfCheck.Query.audit(D), dns).findings());
      findings.addAll(TestChecks.run(Checks.DMARC, D, dns).findings());
      findings.addAll(
          TestChecks.run(Checks.DKIM, new DkimCheck.Query(D, List.of("s1", "s2", "s3")), dns)
              .findings());
      for (Finding f : findings) {
        f.remedy().ifPresent(r -> remedies.add(f.id() + ": " + r));
        if (enforcing && f.id().startsWith("dmarc"))
          f.remedy().ifPresent(r -> enforcingZoneDmarcRemedies.add(f.id() + ": " + r));
      }
    }
    assertThat(remedies).as("remedies rendered").hasSizeGreaterThan(15);
    assertThat(remedies)
        .as("remedies with a placeholder where the real value is known")
        .noneMatch(r -> PLACEHOLDER.matcher(r).find());
    assertThat(enforcingZoneDmarcRemedies)
        .as("no remedy suggests weakening a published p=reject/quarantine to p=none")
        .isNotEmpty()
        .noneMatch(r -> r.contains("p=none"));
  }
}
