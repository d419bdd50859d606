package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.text.ViewText;
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
    // issue 11 #15: no key exists under any selector (RFC 8020), so naming one cannot help
    assertThat(f.remedy()).get().asString().doesNotContain("--selector").contains("publish");
    assertThat(none.section().domainKeyTree()).isEqualTo("NXDOMAIN");

    FakeDns tree = new FakeDns().txt("secret2024._domainkey.example.com", RSA_2048);
    var hidden = DkimRuns.audit("example.com", List.of(), List.of(), tree);
    Finding h = byId(hidden.findings(), "dkim.selector").get(0);
    assertThat(h.status()).isEqualTo(Status.INFO);
    assertThat(h.detail()).contains("exists");
    assertThat(h.remedy()).get().asString().contains(Switches.WORDS.selector());
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
    // named with --selector: mail is signed with it, so a revoked key fails (issue 11 item 6)
    assertThat(byId(out.findings(), "dkim.key-revoked"))
        .extracting(Finding::status)
        .containsExactly(Status.FAIL);
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

  /**
   * A key record that cannot verify mail is never "found" and passing (issue 11 items 6 and 12):
   * the selector finding fails with the precise reason and a remedy, whether the selector was named
   * or guessed, and the section says why.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "revoked | v=DKIM1; k=rsa; p= | revoked (empty p=) | publish its current public key",
        "s=other | v=DKIM1; s=other; p=@RSA2048 | restricted to other services (s=other) | s=email",
        "s=email:other is fine | v=DKIM1; s=other:email; p=@RSA2048 | | ",
        "h=sha1 only | v=DKIM1; h=sha1; p=@RSA2048 | h=sha1 does not allow sha256 | rsa-sha256",
        "ed25519 h=sha1 | v=DKIM1; k=ed25519; h=sha1; p=@ED | h=sha1 does not allow sha256 | h=sha256",
        "512-bit RSA | v=DKIM1; p=@RSA512 | RSA key of 512 bits | 2048-bit",
        "two records | @RSA2048 @@ v=DKIM1; p=@RSA1024 | 2 TXT records at the selector | exactly one",
        "syntax | v=DKIM1; k=dsa; p=@RSA2048 | the record cannot be parsed | as the signer generated it",
      })
  void unusableKeysAreNeverFoundAndPassing(
      String name, String records, String reason, String remedy) {
    for (boolean named : List.of(true, false)) {
      FakeDns dns = new FakeDns().txt("good._domainkey.example.com", RSA_2048);
      for (String r : records.split(" @@ "))
        dns.txt(
            "default._domainkey.example.com",
            r.replace("@RSA2048", RSA_2048.substring(RSA_2048.indexOf("p=") + 2))
                .replace("@RSA1024", DkimKeyTest.RSA_1024)
                .replace("@RSA512", DkimKeyTest.RSA_512)
                .replace("@ED", DkimKeyTest.ED_RAW));
      var out =
          DkimRuns.audit(
              "example.com", named ? List.of("good", "default") : List.of("good"), List.of(), dns);
      List<Finding> sel =
          byId(out.findings(), "dkim.selector").stream()
              .filter(f -> f.subject().orElse("").equals("default"))
              .toList();
      var view =
          out.section().selectors().stream()
              .filter(v -> v.selector().equals("default"))
              .findFirst()
              .orElseThrow();
      if (reason == null) {
        assertThat(sel).extracting(Finding::status).containsExactly(Status.PASS);
        assertThat(view.unusable()).isNull();
        continue;
      }
      Status expected = !named && name.equals("revoked") ? Status.INFO : Status.FAIL;
      assertThat(sel).as(name + (named ? " named" : " guessed")).hasSize(1);
      Finding f = sel.get(0);
      assertThat(f.status()).isEqualTo(expected);
      assertThat(f.title()).isEqualTo("DKIM key for selector default is unusable: " + reason);
      assertThat(f.detail()).contains("fails as permerror");
      assertThat(f.remedy())
          .get()
          .asString()
          .contains(expected == Status.INFO ? "remove the record" : remedy);
      assertThat(view.found()).isTrue();
      assertThat(view.unusable()).isEqualTo(reason);
      assertThat(ViewText.lines(out.section()))
          .anyMatch(
              l ->
                  l.startsWith("default._domainkey.example.com:")
                      && (l.contains("unusable: " + reason) || l.contains("revoked")));
      // no finding about this key passes
      assertThat(out.findings())
          .filteredOn(x -> x.subject().orElse("").startsWith("default"))
          .noneMatch(x -> x.status() == Status.PASS);
    }
  }

  @Test
  void aRevokedKeyAloneIsAWarningAndCostsTheDkimScore() {
    FakeDns dns = new FakeDns().txt("default._domainkey.example.com", "v=DKIM1; k=rsa; p=");
    var out = DkimRuns.audit("example.com", List.of(), List.of(), dns);
    assertThat(byId(out.findings(), "dkim.selector"))
        .extracting(Finding::status)
        .containsExactly(Status.WARN);
    assertThat(byId(out.findings(), "dkim.key-revoked"))
        .extracting(Finding::status)
        .containsExactly(Status.WARN);
    assertThat(out.findings()).noneMatch(f -> f.status() == Status.PASS);
  }

  /**
   * When selector lookups failed, "no DKIM key found" would be a false absence (issue 11 items 12
   * and 13): the finding says the search was incomplete, as an error, and the section text says the
   * lookup failed and the key may exist.
   */
  @Test
  void failedLookupsMakeTheSearchIncompleteNotNotFound() {
    FakeDns dns = new FakeDns().a("example.com", "192.0.2.1");
    for (String s : List.of("default", "dkim", "mail", "s1"))
      dns.servfail(s + "._domainkey.example.com", RecordType.TXT);
    dns.timeout("google._domainkey.example.com", RecordType.TXT);
    var out = DkimRuns.audit("example.com", List.of(), List.of(), dns);
    List<Finding> sel = byId(out.findings(), "dkim.selector");
    assertThat(sel).hasSize(1);
    Finding f = sel.get(0);
    assertThat(f.status()).isEqualTo(Status.ERROR);
    assertThat(f.title()).startsWith("DKIM key search incomplete: 5 of ");
    assertThat(f.detail())
        .contains("default (SERVFAIL)", "google (TIMEOUT)", "may exist")
        .doesNotContainIgnoringCase("no DKIM key found");
    assertThat(out.findings()).noneMatch(x -> x.status() == Status.INFO);
    assertThat(ViewText.lines(out.section()))
        .contains("default._domainkey.example.com: could not look up (SERVFAIL); the key may exist")
        .noneMatch(l -> l.contains("no key (SERVFAIL)") || l.contains("no key (TIMEOUT)"));

    // a key found elsewhere: it passes, and the failed lookups are still an error of their own
    dns.txt("k1._domainkey.example.com", RSA_2048);
    var found = DkimRuns.audit("example.com", List.of(), List.of(), dns);
    assertThat(byId(found.findings(), "dkim.selector"))
        .extracting(Finding::status)
        .containsExactlyInAnyOrder(Status.PASS, Status.ERROR);
  }
}
