package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.SpfView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpfAuditTest {
  static SpfReport audit(FakeDns dns) {
    return SpfRuns.audit("example.com", dns);
  }

  static Finding finding(SpfReport r, String id) {
    return r.findings().stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + r.findings()));
  }

  static boolean has(SpfReport r, String id) {
    return r.findings().stream().anyMatch(f -> f.id().equals(id));
  }

  // ---- lookup counting: the mistakes other tools make, each as a case ----

  @ParameterizedTest(name = "{0}: {2} lookups")
  @CsvSource(
      delimiter = '|',
      value = {
        // an mx term costs one lookup, not one per MX host
        "mx with five hosts|v=spf1 mx -all|1",
        // ip4, ip6 and all cost nothing
        "address terms are free|v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all|0",
        // the record's own TXT lookup is not a term
        "no terms|v=spf1 -all|0",
        // exp= is not counted (RFC 7208 §4.6.4 lists only include a mx ptr exists redirect)
        "exp is free|v=spf1 -all exp=why.example.com|0",
        // redirect= counts, and so does what its target does
        "redirect and its target|v=spf1 redirect=_spf.example.com|3",
        // a redirect next to all is never followed
        "redirect ignored by all|v=spf1 a -all redirect=_spf.example.com|1",
        // nested includes count all the way down
        "nested include|v=spf1 include:inc.example.com -all|3",
        // the same include twice is evaluated twice
        "duplicate include|v=spf1 include:inc.example.com include:inc.example.com -all|6",
        // terms after all are never reached
        "after all|v=spf1 -all include:inc.example.com a|0",
        // ptr counts like any DNS term
        "ptr|v=spf1 ptr -all|1",
        // a void lookup still costs its lookup
        "void a|v=spf1 a:nothing.example.com -all|1",
      })
  void countsLookupsLikeAnEvaluation(String name, String record, int lookups) {
    FakeDns dns = base().txt("example.com", record);
    SpfReport r = audit(dns);
    assertThat(r.section().lookups()).as(name).isEqualTo(lookups);
    assertThat(r.section().tree().get().cost()).isEqualTo(lookups);
  }

  static FakeDns base() {
    FakeDns dns = new FakeDns();
    for (int i = 1; i <= 5; i++)
      dns.mx("example.com", i, "mx" + i + ".example.com")
          .a("mx" + i + ".example.com", "192.0.2." + i);
    dns.a("example.com", "192.0.2.80");
    dns.txt("_spf.example.com", "v=spf1 a:h1.example.com mx:example.com -all")
        .a("h1.example.com", "192.0.2.10");
    dns.txt("inc.example.com", "v=spf1 include:inner.example.com a:h1.example.com -all");
    dns.txt("inner.example.com", "v=spf1 ip4:198.51.100.0/24 -all");
    dns.txt("why.example.com", "not allowed");
    return dns;
  }

  @Test
  void overTheLimitTheWholeTreeIsShownAndTheCrossingIncludeNamed() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 include:big.example.com include:late.example.com a:x.example.com -all");
    dns.txt(
        "big.example.com",
        "v=spf1 "
            + String.join(
                " ", IntStream.rangeClosed(1, 8).mapToObj(i -> "a:h" + i + ".example.com").toList())
            + " -all");
    dns.txt("late.example.com", "v=spf1 a:l1.example.com a:l2.example.com -all");
    for (int i = 1; i <= 8; i++) dns.a("h" + i + ".example.com", "192.0.2." + i);
    dns.a("l1.example.com", "192.0.2.101")
        .a("l2.example.com", "192.0.2.102")
        .a("x.example.com", "192.0.2.103");
    SpfReport r = audit(dns);
    assertThat(r.section().lookups()).isEqualTo(13);
    Finding f = finding(r, "spf.lookups");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail())
        .contains("a:l1.example.com")
        .contains("reached through include:late.example.com");
    assertThat(f.remedy().get()).contains("Shed 3 lookups").contains("include:big.example.com (9)");
    // the tree goes on past the limit: every node is there
    List<SpfView.Node> nodes = r.section().tree().get().flatten();
    assertThat(nodes)
        .extracting(n -> n.term().orElse("root"))
        .contains("a:l2.example.com", "a:x.example.com");
    assertThat(nodes)
        .filteredOn(n -> n.note().orElse("").contains("over the limit from here"))
        .extracting(n -> n.term().orElse(""))
        .containsExactly("a:l1.example.com");
  }

  @Test
  void remedyOffersTheRecordWithOwnHostsAsAddresses() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 a mx include:big.example.com -all");
    dns.a("example.com", "192.0.2.80")
        .mx("example.com", 10, "mx.example.com")
        .a("mx.example.com", "192.0.2.25");
    dns.txt(
        "big.example.com",
        "v=spf1 "
            + String.join(
                " ", IntStream.rangeClosed(1, 9).mapToObj(i -> "a:h" + i + ".example.com").toList())
            + " -all");
    for (int i = 1; i <= 9; i++) dns.a("h" + i + ".example.com", "192.0.2." + i);
    Finding f = finding(audit(dns), "spf.lookups");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.remedy().get())
        .contains(
            "\"v=spf1 ip4:192.0.2.80 ip4:192.0.2.25 include:big.example.com -all\" (10 lookups");
  }

  @Test
  void nineOrTenLookupsIsInfoAboutHeadroom() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 "
                    + String.join(
                        " ",
                        IntStream.rangeClosed(1, 9)
                            .mapToObj(i -> "a:h" + i + ".example.com")
                            .toList())
                    + " -all");
    for (int i = 1; i <= 9; i++) dns.a("h" + i + ".example.com", "192.0.2." + i);
    assertThat(finding(audit(dns), "spf.lookups").status()).isEqualTo(Status.INFO);
  }

  @Test
  void voidLookupsWarnThenFail() {
    FakeDns one = new FakeDns().txt("example.com", "v=spf1 a:gone.example.com -all");
    assertThat(finding(audit(one), "spf.void-lookups").status()).isEqualTo(Status.WARN);
    FakeDns three =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 a:g1.example.com mx:g2.example.com exists:g3.example.com -all");
    SpfReport r = audit(three);
    assertThat(r.section().voidLookups()).isEqualTo(3);
    assertThat(finding(r, "spf.void-lookups").status()).isEqualTo(Status.FAIL);
  }

  @ParameterizedTest
  @CsvSource({
    "v=spf1 -all,PASS",
    "v=spf1 ~all,PASS",
    "v=spf1 ?all,WARN",
    "v=spf1 +all,FAIL",
    "v=spf1 all,FAIL",
    "v=spf1 ip4:192.0.2.1,WARN"
  })
  void judgesTheAllQualifier(String record, Status status) {
    assertThat(finding(audit(new FakeDns().txt("example.com", record)), "spf.all").status())
        .isEqualTo(status);
  }

  @Test
  void allIsTakenFromTheRedirectTarget() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 redirect=_spf.example.com")
            .txt("_spf.example.com", "v=spf1 ip4:192.0.2.1 +all");
    Finding f = finding(audit(dns), "spf.all");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.title()).contains("reached by redirect");
  }

  @Test
  void missingRecordFailsAndTimeoutIsAnError() {
    assertThat(finding(audit(new FakeDns()), "spf.present").status()).isEqualTo(Status.FAIL);
    SpfReport r = audit(new FakeDns().timeout("example.com", RecordType.TXT));
    assertThat(finding(r, "spf.present").status()).isEqualTo(Status.ERROR);
  }

  @Test
  void multipleRecordsFail() {
    SpfReport r =
        audit(new FakeDns().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 mx -all"));
    assertThat(finding(r, "spf.multiple").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void syntaxErrorNamesThePosition() {
    Finding f =
        finding(
            audit(new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1/33 -all")), "spf.syntax");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail()).contains("at character 22");
    assertThat(f.evidence())
        .containsExactly(
            "v=spf1 ip4:192.0.2.1/33 -all",
            " ".repeat(21) + "^ '/33' is not a prefix length from 0 to 32");
  }

  @Test
  void includeOfMissingDomainFails() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:gone.example.net -all");
    Finding f = finding(audit(dns), "spf.include-missing");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.subject()).contains("gone.example.net");
  }

  @Test
  void includeThatTimesOutIsAnErrorNotMissing() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 include:slow.example.net -all")
            .timeout("slow.example.net", RecordType.TXT);
    SpfReport r = audit(dns);
    assertThat(finding(r, "spf.dns").status()).isEqualTo(Status.ERROR);
    assertThat(has(r, "spf.include-missing")).isFalse();
  }

  @Test
  void redirectFindings() {
    FakeDns missing = new FakeDns().txt("example.com", "v=spf1 redirect=gone.example.net");
    assertThat(finding(audit(missing), "spf.redirect").status()).isEqualTo(Status.FAIL);
    FakeDns ignored = new FakeDns().txt("example.com", "v=spf1 -all redirect=x.example.net");
    assertThat(finding(audit(ignored), "spf.redirect").status()).isEqualTo(Status.INFO);
  }

  @Test
  void loopIsFoundWithoutRunningAway() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 include:a.example.net -all")
            .txt("a.example.net", "v=spf1 include:example.com -all");
    assertThat(finding(audit(dns), "spf.loop").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void redirectIntoALoopIsNotReportedAsAPolicyTaken() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 redirect=b.example.com")
            .txt("b.example.com", "v=spf1 redirect=example.com");
    SpfReport r = audit(dns);
    assertThat(finding(r, "spf.loop").status()).isEqualTo(Status.FAIL);
    assertThat(r.findings())
        .noneMatch(f -> f.id().equals("spf.redirect") && f.status() == Status.PASS);
    // nor "no 'all': gets neutral, add -all" (the result is permerror; -all would disable
    // redirect=)
    assertThat(r.findings()).noneMatch(f -> f.id().equals("spf.all"));
    // A working redirect still passes.
    FakeDns ok =
        new FakeDns()
            .txt("example.com", "v=spf1 redirect=b.example.com")
            .txt("b.example.com", "v=spf1 -all");
    assertThat(finding(audit(ok), "spf.redirect").status()).isEqualTo(Status.PASS);
  }

  @Test
  void hostileFanOutIsCapped() {
    // five levels of ten records, each including all ten of the next level: 10^5 paths uncapped
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:n0.l0.example -all");
    for (int level = 0; level < 5; level++) {
      int next = level + 1;
      String includes =
          String.join(
              " ",
              IntStream.range(0, 10)
                  .mapToObj(i -> "include:n" + i + ".l" + next + ".example")
                  .toList());
      for (int i = 0; i < 10; i++)
        dns.txt("n" + i + ".l" + level + ".example", "v=spf1 " + includes + " -all");
    }
    for (int i = 0; i < 10; i++) dns.txt("n" + i + ".l5.example", "v=spf1 -all");
    SpfReport r = audit(dns);
    List<SpfView.Node> nodes = r.section().tree().get().flatten();
    assertThat(nodes.size()).isLessThan(Limits.SPF_AUDIT_TERMS * 12);
    assertThat(nodes).anyMatch(n -> n.note().orElse("").startsWith("not followed"));
    assertThat(finding(r, "spf.lookups").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void mxWithMoreThanTenNamesFails() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx -all");
    for (int i = 1; i <= 11; i++) dns.mx("example.com", i, "mx" + i + ".example.com");
    SpfReport r = audit(dns);
    assertThat(finding(r, "spf.mx-names").status()).isEqualTo(Status.FAIL);
    assertThat(r.section().lookups()).isEqualTo(1);
  }

  @Test
  void includeOfADomainWithTwoRecordsFails() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 include:two.example.net -all")
            .txt("two.example.net", "v=spf1 -all")
            .txt("two.example.net", "v=spf1 +all");
    Finding f = finding(audit(dns), "spf.multiple");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.subject()).contains("two.example.net");
  }

  @Test
  void syntaxErrorInAnIncludedRecordIsReportedForThatDomain() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 include:bad.example.net -all")
            .txt("bad.example.net", "v=spf1 ip4:10.0.0.1/99 -all");
    SpfReport r = audit(dns);
    assertThat(r.findings())
        .filteredOn(f -> f.id().equals("spf.syntax"))
        .extracting(f -> f.status() + " " + f.subject().orElse(""))
        .containsExactly("PASS example.com", "FAIL bad.example.net");
  }

  @Test
  void ptrIsDeprecated() {
    Finding f = finding(audit(new FakeDns().txt("example.com", "v=spf1 ptr -all")), "spf.ptr");
    assertThat(f.status()).isEqualTo(Status.WARN);
  }

  @Test
  void termsAfterAllWarn() {
    assertThat(
            finding(
                    audit(new FakeDns().txt("example.com", "v=spf1 -all ip4:192.0.2.1")),
                    "spf.after-all")
                .status())
        .isEqualTo(Status.WARN);
  }

  @Test
  void obsoleteType99Warns() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -all");
    dns.add(
        new DnsRecord.Txt(
            "example.com",
            300,
            RecordType.SPF,
            List.of("v=spf1 -all".getBytes(StandardCharsets.US_ASCII))));
    assertThat(finding(audit(dns), "spf.type99").status()).isEqualTo(Status.WARN);
  }

  @Test
  void stringsJoinedWithoutSpaceWarnButASplitInsideATermDoesNot() {
    FakeDns glued =
        new FakeDns()
            .txt("example.com", "v=spf1 ip4:192.0.2.1", "include:_spf.example.net -all")
            .txt("_spf.example.net", "v=spf1 -all");
    assertThat(finding(audit(glued), "spf.txt-strings").status()).isEqualTo(Status.WARN);
    FakeDns fine = new FakeDns().txt("example.com", "v=spf1 ip4:192.0.", "2.1 -all");
    assertThat(has(audit(fine), "spf.txt-strings")).isFalse();
    FakeDns spaced =
        new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1 ", "ip4:192.0.2.2 -all");
    assertThat(has(audit(spaced), "spf.txt-strings")).isFalse();
  }

  @Test
  void answerOver512OctetsWarns() {
    String ranges =
        String.join(" ", IntStream.range(0, 25).mapToObj(i -> "ip4:198.51.100." + i).toList());
    FakeDns dns =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 " + ranges.substring(0, 240),
                ranges.substring(240) + " -all")
            .txt("example.com", "google-site-verification=" + "x".repeat(43));
    assertThat(finding(audit(dns), "spf.size").status()).isEqualTo(Status.WARN);
    assertThat(has(audit(new FakeDns().txt("example.com", "v=spf1 -all")), "spf.size")).isFalse();
  }

  @Test
  void macroTargetsAreCountedButNotFollowed() {
    SpfReport r =
        audit(
            new FakeDns()
                .txt(
                    "example.com",
                    "v=spf1 exists:%{i}._spf.example.com include:%{d2}.x.example -all"));
    assertThat(r.section().lookups()).isEqualTo(2);
    assertThat(finding(r, "spf.lookups").detail()).contains("at least");
  }

  @Test
  void mxHostsInTheTreeAreListedByPreferenceWhateverOrderDnsReturns() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx -all");
    dns.mx("example.com", 20, "b.example.com")
        .mx("example.com", 10, "z.example.com")
        .mx("example.com", 20, "a.example.com");
    dns.a("a.example.com", "192.0.2.1")
        .a("b.example.com", "192.0.2.2")
        .a("z.example.com", "192.0.2.3");
    SpfView.Node mx =
        audit(dns).section().tree().orElseThrow().flatten().stream()
            .filter(n -> n.note().orElse("").contains("MX host"))
            .findFirst()
            .orElseThrow();
    assertThat(mx.note().orElseThrow())
        .startsWith("3 MX hosts: z.example.com, a.example.com, b.example.com ");
  }

  // ---- issue 11 ----

  /** A record with a syntax error is a permerror: its 'all', counts and redirect pass nothing. */
  @Test
  void aRecordWithASyntaxErrorGetsNoPassesForItsParts() {
    SpfReport r = audit(new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1/33 -all"));
    assertThat(finding(r, "spf.syntax").status()).isEqualTo(Status.FAIL);
    assertThat(r.findings())
        .filteredOn(f -> f.status() == Status.PASS)
        .extracting(Finding::id)
        .containsExactly("spf.present");
    // the same for the 'all' a redirect leads to, and for the redirect itself
    FakeDns redirected =
        new FakeDns()
            .txt("example.com", "v=spf1 redirect=_spf.example.com")
            .txt("_spf.example.com", "v=spf1 ip4:192.0.2.1/99 -all");
    SpfReport viaRedirect = audit(redirected);
    assertThat(viaRedirect.findings())
        .filteredOn(f -> f.id().equals("spf.syntax"))
        .extracting(f -> f.status() + " " + f.subject().orElse(""))
        .containsExactly("PASS example.com", "FAIL _spf.example.com");
    assertThat(viaRedirect.findings())
        .noneMatch(f -> f.id().equals("spf.all") && f.status() == Status.PASS)
        .noneMatch(f -> f.id().equals("spf.redirect") && f.status() == Status.PASS);
    // what is wrong besides the syntax is still said
    SpfReport plusAll = audit(new FakeDns().txt("example.com", "v=spf1 a:x.example.com/33 +all"));
    assertThat(finding(plusAll, "spf.all").status()).isEqualTo(Status.FAIL);
    assertThat(finding(plusAll, "spf.void-lookups").status()).isEqualTo(Status.WARN);
  }

  /**
   * An MX host whose address lookup fails is unknown, not absent: temperror for receivers, an error
   * here, and no remedy that replaces the mx term with the addresses of the other hosts.
   */
  @Test
  void mxHostLookupFailureIsAnErrorNotAbsence() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx include:big.example.com -all");
    dns.mx("example.com", 10, "mx1.example.com")
        .mx("example.com", 20, "mx2.example.com")
        .a("mx1.example.com", "192.0.2.1")
        .servfail("mx2.example.com", RecordType.A);
    dns.txt(
        "big.example.com",
        "v=spf1 "
            + String.join(
                " ", IntStream.rangeClosed(1, 9).mapToObj(i -> "a:h" + i + ".example.com").toList())
            + " -all");
    for (int i = 1; i <= 9; i++) dns.a("h" + i + ".example.com", "192.0.2." + (10 + i));
    SpfReport r = audit(dns);
    Finding f = finding(r, "spf.dns");
    assertThat(f.status()).isEqualTo(Status.ERROR);
    assertThat(f.detail()).contains("mx2.example.com/A").contains("SERVFAIL");
    assertThat(finding(r, "spf.lookups").remedy().orElseThrow())
        .doesNotContain("ip4:192.0.2.1 include:big.example.com");
    SpfView.Node mx = r.section().tree().orElseThrow().children().get(0);
    assertThat(mx.error()).hasValueSatisfying(e -> assertThat(e).contains("(temperror)"));
  }
}
