package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DkimAuditView;
import java.util.List;
import org.junit.jupiter.api.Test;

class DkimAuditTest {
  static final String RSA_1024 = "v=DKIM1; k=rsa; p=" + DkimKeyTest.RSA_1024;
  static final String RSA_2048 = TestSigner.keyRecord(TestSigner.rsa(2048).getPublic());

  static List<Finding> byId(List<Finding> fs, String id) {
    return fs.stream().filter(f -> f.id().equals(id)).toList();
  }

  @Test
  void providerSelectorsComeFromMxAndSpfIncludes() {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 1, "aspmx.l.google.com")
            .txt(
                "example.com",
                "v=spf1 include:sendgrid.net include:spf.protection.outlook.com -all")
            .txt("google._domainkey.example.com", RSA_2048)
            .txt("s1._domainkey.example.com", RSA_1024)
            .cname(
                "selector1._domainkey.example.com",
                "selector1-example-com._domainkey.example.onmicrosoft.com")
            .txt("selector1-example-com._domainkey.example.onmicrosoft.com", RSA_2048);
    var out = DkimRuns.audit("example.com", List.of(), List.of(), dns);
    assertThat(out.section().providers())
        .containsExactly("Google Workspace", "Microsoft 365", "SendGrid");
    assertThat(out.section().selectors())
        .filteredOn(DkimAuditView.SelectorView::found)
        .extracting(DkimAuditView.SelectorView::selector)
        .containsExactly("google", "selector1", "s1");
    var s1 =
        out.section().selectors().stream()
            .filter(v -> v.selector().equals("selector1"))
            .findFirst()
            .orElseThrow();
    assertThat(s1.cnameChain())
        .containsExactly(
            "selector1._domainkey.example.com",
            "selector1-example-com._domainkey.example.onmicrosoft.com");
    assertThat(s1.source()).isEqualTo("Microsoft 365");
    assertThat(byId(out.findings(), "dkim.selector"))
        .allMatch(f -> f.status() == Status.PASS)
        .hasSize(3);
    assertThat(byId(out.findings(), "dkim.key-strength"))
        .extracting(Finding::status)
        .contains(Status.PASS, Status.WARN);
    // every selector plus _domainkey asked once, in one batch
    assertThat(dns.asked()).contains(DnsQuestion.of("_domainkey.example.com", RecordType.TXT));
    assertThat(
            dns.asked().stream()
                .filter(q -> q.name().equals("google._domainkey.example.com"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void givenProviderHostsSkipTheMxAndSpfLookups() {
    FakeDns dns = new FakeDns().txt("fm1._domainkey.example.com", RSA_2048);
    var out =
        DkimRuns.audit("example.com", List.of(), List.of("in1-smtp.messagingengine.com"), dns);
    assertThat(out.section().providers()).containsExactly("Fastmail");
    assertThat(dns.asked()).noneMatch(q -> q.type() == RecordType.MX);
    assertThat(byId(out.findings(), "dkim.selector").get(0).status()).isEqualTo(Status.PASS);
  }

  @Test
  void nothingFoundIsInfoAndTellsNxdomainFromExistingTree() {
    var none =
        DkimRuns.audit(
            "example.com", List.of(), List.of(), new FakeDns().a("example.com", "192.0.2.1"));
    Finding f = byId(none.findings(), "dkim.selector").get(0);
    assertThat(f.status()).isEqualTo(Status.INFO);
    assertThat(f.detail()).contains("NXDOMAIN");
    assertThat(f.remedy()).get().asString().contains("--selector");
    assertThat(none.section().domainKeyTree()).isEqualTo("NXDOMAIN");

    FakeDns tree = new FakeDns().txt("secret2024._domainkey.example.com", RSA_2048);
    var hidden = DkimRuns.audit("example.com", List.of(), List.of(), tree);
    Finding h = byId(hidden.findings(), "dkim.selector").get(0);
    assertThat(h.status()).isEqualTo(Status.INFO);
    assertThat(h.detail()).contains("exists");
    assertThat(hidden.section().domainKeyTree()).isEqualTo("NODATA");
  }

  @Test
  void explicitSelectorMissingFailsAndTemporaryFailureIsErrorNotMissing() {
    FakeDns dns =
        new FakeDns()
            .txt("other._domainkey.example.com", RSA_2048)
            .timeout("flaky._domainkey.example.com", RecordType.TXT);
    var out = DkimRuns.audit("example.com", List.of("mine", "flaky"), List.of(), dns);
    List<Finding> sel = byId(out.findings(), "dkim.selector");
    assertThat(sel)
        .anyMatch(f -> f.status() == Status.FAIL && f.subject().orElse("").equals("mine"));
    assertThat(sel)
        .anyMatch(f -> f.status() == Status.ERROR && f.subject().orElse("").equals("flaky"));
    assertThat(sel)
        .noneMatch(f -> f.status() == Status.FAIL && f.subject().orElse("").equals("flaky"));
    assertThat(sel).noneMatch(f -> f.status() == Status.INFO);
  }

  @Test
  void keyProblemsAreReported() {
    FakeDns dns =
        new FakeDns()
            .txt("revoked._domainkey.example.com", "v=DKIM1; k=rsa; p=")
            .txt("test._domainkey.example.com", "v=DKIM1; t=y; p=" + DkimKeyTest.RSA_512)
            .txt("spki._domainkey.example.com", "v=DKIM1; k=ed25519; p=" + DkimKeyTest.ED_SPKI)
            .txt("ed._domainkey.example.com", "v=DKIM1; k=ed25519; p=" + DkimKeyTest.ED_RAW)
            .txt("bad._domainkey.example.com", "v=DKIM1; k=rsa; t; p=" + DkimKeyTest.RSA_1024);
    var out =
        DkimRuns.audit(
            "example.com", List.of("revoked", "test", "spki", "ed", "bad"), List.of(), dns);
    assertThat(byId(out.findings(), "dkim.key-revoked"))
        .extracting(Finding::status)
        .containsExactly(Status.INFO);
    assertThat(byId(out.findings(), "dkim.testing"))
        .extracting(Finding::status)
        .containsExactly(Status.WARN);
    assertThat(byId(out.findings(), "dkim.key-syntax"))
        .hasSize(2)
        .allMatch(f -> f.status() == Status.FAIL);
    assertThat(byId(out.findings(), "dkim.key-syntax"))
        .anyMatch(f -> f.detail().contains("position 17"));
    assertThat(byId(out.findings(), "dkim.key-strength"))
        .anyMatch(f -> f.status() == Status.FAIL && f.title().contains("512"))
        .anyMatch(f -> f.status() == Status.PASS && f.title().contains("Ed25519"));
    var rev =
        out.section().selectors().stream()
            .filter(v -> v.selector().equals("revoked"))
            .findFirst()
            .orElseThrow();
    assertThat(rev.found()).isTrue();
    assertThat(rev.revoked()).isTrue();
  }

  @Test
  void nxdomainForTheTreeWithKeysBelowIsWarned() {
    FakeDns dns = new FakeDns().txt("google._domainkey.example.com", RSA_2048);
    // FakeDns answers NODATA for empty non-terminals; force the broken NXDOMAIN behaviour:
    var broken =
        new dev.mailcheck.dns.DnsClient() {
          @Override
          public java.util.concurrent.CompletableFuture<dev.mailcheck.dns.DnsResult> query(
              DnsQuestion q) {
            if (q.name().equals("_domainkey.example.com"))
              return java.util.concurrent.CompletableFuture.completedFuture(
                  new dev.mailcheck.dns.DnsResult.NxDomain(q));
            return dns.query(q);
          }
        };
    var out = DkimRuns.audit("example.com", List.of(), List.of(), broken);
    assertThat(byId(out.findings(), "dkim.domainkey"))
        .extracting(Finding::status)
        .containsExactly(Status.WARN);
  }
}
