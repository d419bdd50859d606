package dev.mailcheck.checks.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.BlocklistView;
import dev.mailcheck.testing.TestChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocklistCheckTest {
  static final List<Blocklist> LISTS = BlocklistCatalog.defaults();

  static Blocklist list(String name) {
    return LISTS.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  static BlocklistTarget ip(String s) {
    return BlocklistTarget.address(
        InetAddresses.parse(s).orElseThrow(), BlocklistTarget.Role.GIVEN, "");
  }

  static CheckResult<BlocklistFacts> run(FakeDns dns, List<Blocklist> lists, BlocklistTarget... t) {
    // Documentation addresses (192.0.2.0/24, 2001:db8::/32) are special-purpose: allow them.
    return TestChecks.run(
        Checks.BLOCKLIST,
        new BlocklistCheck.Query(List.of(t), lists),
        dns,
        CheckSettings.defaults().withAllowPrivate(true));
  }

  static List<Finding> of(CheckResult<?> r, FindingId id) {
    return r.findings().stream().filter(f -> f.kind() == id).toList();
  }

  @Test
  void queryNamesAreReversedOctetsAndNibbles() {
    Blocklist zen = list("spamhaus-zen");
    assertThat(ip("192.0.2.1").queryName(zen)).isEqualTo("1.2.0.192.zen.spamhaus.org");
    assertThat(ip("2001:db8::1").queryName(zen))
        .isEqualTo(
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org");
    assertThat(
            BlocklistTarget.domain("example.com", BlocklistTarget.Role.GIVEN, "")
                .queryName(list("spamhaus-dbl")))
        .isEqualTo("example.com.dbl.spamhaus.org");
  }

  @Test
  void defaultSetHasEveryListTheIssueNames() {
    assertThat(LISTS.stream().map(Blocklist::name))
        .contains(
            "spamhaus-zen",
            "spamhaus-dbl",
            "spamcop",
            "barracuda",
            "psbl",
            "mailspike",
            "uceprotect-1",
            "surbl",
            "uribl");
    for (Blocklist b : LISTS) {
      assertThat(b.delist()).as(b.name()).startsWith("https://");
      assertThat(b.terms()).as(b.name()).isNotBlank();
    }
  }

  @Test
  void notListedEverywhereIsOnePassPerTargetAndOneAQueryPerList() {
    FakeDns dns = new FakeDns();
    var r = run(dns, LISTS, ip("192.0.2.1"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.PASS);
              assertThat(f.title()).isEqualTo("Not listed on any of 6 lists");
            });
    assertThat(dns.asked()).hasSize(6).allMatch(q -> q.type() == RecordType.A);
    assertThat(dns.asked().stream().map(DnsQuestion::name)).doesNotHaveDuplicates();
  }

  @Test
  void sblListingFailsWithTheListsOwnReason() {
    FakeDns dns =
        new FakeDns()
            .a("1.2.0.192.zen.spamhaus.org", "127.0.0.2")
            .txt("1.2.0.192.zen.spamhaus.org", "https://check.spamhaus.org/sbl/query/SBL1");
    var r = run(dns, List.of(list("spamhaus-zen")), ip("192.0.2.1"));
    Finding f = of(r, FindingId.BLOCKLIST_LISTED).get(0);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail()).contains("SBL", "check.spamhaus.org/sbl/query/SBL1");
    assertThat(f.remedy()).hasValueSatisfying(x -> assertThat(x).contains("check.spamhaus.org"));
    assertThat(dns.asked())
        .extracting(DnsQuestion::type)
        .containsExactly(RecordType.A, RecordType.TXT);
    BlocklistView v = (BlocklistView) r.view();
    assertThat(v.targets().get(0).results().get(0).verdict()).isEqualTo("listed");
    assertThat(v.targets().get(0).results().get(0).reason()).contains("SBL1");
  }

  @Test
  void pblIsAPolicyWarningNotAListingButFailsForASender() {
    FakeDns dns = new FakeDns().a("1.2.0.192.zen.spamhaus.org", "127.0.0.11");
    var r = run(dns, List.of(list("spamhaus-zen")), ip("192.0.2.1"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED)).isEmpty();
    assertThat(of(r, FindingId.BLOCKLIST_POLICY))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN));
    BlocklistTarget sender =
        BlocklistTarget.address(
            InetAddresses.parse("192.0.2.1").orElseThrow(), BlocklistTarget.Role.SENDER, "");
    var s = run(dns, List.of(list("spamhaus-zen")), sender);
    assertThat(of(s, FindingId.BLOCKLIST_POLICY).get(0).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void sblAndPblTogetherIsAListing() {
    FakeDns dns =
        new FakeDns()
            .a("1.2.0.192.zen.spamhaus.org", "127.0.0.4")
            .a("1.2.0.192.zen.spamhaus.org", "127.0.0.10");
    var r = run(dns, List.of(list("spamhaus-zen")), ip("192.0.2.1"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED).get(0).detail()).contains("XBL", "PBL");
    assertThat(of(r, FindingId.BLOCKLIST_POLICY)).isEmpty();
  }

  @Test
  void publicResolverAnswerIsAnErrorThatSaysWhyNeverListed() {
    FakeDns dns =
        new FakeDns()
            .a("1.2.0.192.zen.spamhaus.org", "127.255.255.254")
            .a("example.com.dbl.spamhaus.org", "127.255.255.255");
    var r =
        run(
            dns,
            List.of(list("spamhaus-zen"), list("spamhaus-dbl")),
            ip("192.0.2.1"),
            BlocklistTarget.domain("example.com", BlocklistTarget.Role.GIVEN, ""));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED)).isEmpty();
    List<Finding> errors = of(r, FindingId.BLOCKLIST_ERROR);
    assertThat(errors).hasSize(2).allMatch(f -> f.status() == Status.ERROR);
    assertThat(errors.get(0).title()).contains("public resolver");
    assertThat(errors.get(0).remedy().orElseThrow()).contains("own recursive resolver");
    assertThat(errors.get(1).title()).contains("rate limit");
    // No TXT asked for an error code.
    assertThat(dns.asked()).allMatch(q -> q.type() == RecordType.A);
  }

  @Test
  void answersOutsideTheDocumentedCodesAreErrors() {
    FakeDns dns =
        new FakeDns()
            .a("1.2.0.192.bl.spamcop.net", "198.51.100.7") // NXDOMAIN rewriting
            .a("1.2.0.192.psbl.surriel.com", "127.0.0.1") // refusal or dead list
            .a("1.2.0.192.bl.mailspike.net", "127.0.0.99"); // undocumented
    var r = run(dns, List.of(list("spamcop"), list("psbl"), list("mailspike")), ip("192.0.2.1"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED)).isEmpty();
    assertThat(of(r, FindingId.BLOCKLIST_ERROR))
        .extracting(Finding::title)
        .containsExactly(
            "SpamCop Blocking List answered 198.51.100.7, outside 127.0.0.0/8",
            "Passive Spam Block List answered 127.0.0.1, which is not a listing",
            "Mailspike Blacklist answered 127.0.0.99, a code it does not document");
  }

  @Test
  void timeoutAndServfailAreErrorsNeverNotListed() {
    FakeDns dns =
        new FakeDns()
            .timeout("1.2.0.192.zen.spamhaus.org", RecordType.A)
            .servfail("1.2.0.192.bl.spamcop.net", RecordType.A);
    var r = run(dns, List.of(list("spamhaus-zen"), list("spamcop")), ip("192.0.2.1"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED)).isEmpty();
    assertThat(of(r, FindingId.BLOCKLIST_ERROR))
        .extracting(Finding::title)
        .containsExactly(
            "Could not ask Spamhaus ZEN (SBL, CSS, XBL, DROP, PBL) (TIMEOUT)",
            "Could not ask SpamCop Blocking List (SERVFAIL)");
    assertThat(r.undetermined()).isTrue();
  }

  @Test
  void oneFailingListLeavesThePassForTheOthers() {
    FakeDns dns = new FakeDns().timeout("1.2.0.192.bl.spamcop.net", RecordType.A);
    var r = run(dns, List.of(list("spamhaus-zen"), list("spamcop")), ip("192.0.2.1"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED).get(0).title())
        .isEqualTo("Not listed on the 1 list that answered");
    assertThat(r.undetermined()).isFalse();
  }

  @Test
  void bitmaskListsNameEveryBit() {
    FakeDns dns = new FakeDns().a("example.com.multi.surbl.org", "127.0.0.72");
    var r =
        run(
            dns,
            List.of(list("surbl")),
            BlocklistTarget.domain("example.com", BlocklistTarget.Role.GIVEN, ""));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED).get(0).detail()).contains("PH", "ABUSE");
    FakeDns refused = new FakeDns().a("example.com.multi.surbl.org", "127.0.0.1");
    var e =
        run(
            refused,
            List.of(list("surbl")),
            BlocklistTarget.domain("example.com", BlocklistTarget.Role.GIVEN, ""));
    assertThat(of(e, FindingId.BLOCKLIST_ERROR).get(0).title()).contains("public resolver");
  }

  @Test
  void uriblGreyAloneIsOnlyAWarning() {
    FakeDns dns = new FakeDns().a("example.com.multi.uribl.com", "127.0.0.4");
    var r =
        run(
            dns,
            List.of(list("uribl")),
            BlocklistTarget.domain("example.com", BlocklistTarget.Role.GIVEN, ""));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED).get(0).status()).isEqualTo(Status.WARN);
  }

  @Test
  void ipv6IsAskedOnlyOfListsThatCoverIt() {
    FakeDns dns = new FakeDns();
    var r = run(dns, LISTS, ip("2001:db8::1"));
    assertThat(dns.asked())
        .singleElement()
        .satisfies(q -> assertThat(q.name()).endsWith(".zen.spamhaus.org"));
    BlocklistView v = (BlocklistView) r.view();
    assertThat(v.targets().get(0).results())
        .filteredOn(x -> x.verdict().equals("not-asked"))
        .hasSize(5);
  }

  @Test
  void domainsAreAskedOnlyOfDomainLists() {
    FakeDns dns = new FakeDns();
    run(dns, LISTS, BlocklistTarget.domain("example.com", BlocklistTarget.Role.GIVEN, ""));
    assertThat(dns.asked().stream().map(DnsQuestion::name))
        .containsExactlyInAnyOrder(
            "example.com.dbl.spamhaus.org",
            "example.com.multi.surbl.org",
            "example.com.multi.uribl.com");
  }

  @Test
  void privateAddressesAreSkippedUnlessAllowed() {
    FakeDns dns = new FakeDns();
    var r =
        TestChecks.run(
            Checks.BLOCKLIST, new BlocklistCheck.Query(List.of(ip("127.25.0.10")), LISTS), dns);
    assertThat(dns.asked()).isEmpty();
    assertThat(of(r, FindingId.BLOCKLIST_SKIPPED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.INFO);
              assertThat(f.title()).contains("loopback");
            });
    var allowed =
        TestChecks.run(
            Checks.BLOCKLIST,
            new BlocklistCheck.Query(List.of(ip("127.25.0.10")), LISTS),
            dns,
            CheckSettings.defaults().withAllowPrivate(true));
    assertThat(dns.asked()).hasSize(6);
    assertThat(of(allowed, FindingId.BLOCKLIST_SKIPPED)).isEmpty();
  }

  @Test
  void errorsOfOneListAreOneFindingForManyTargets() {
    FakeDns dns = new FakeDns();
    BlocklistTarget[] targets = new BlocklistTarget[20];
    for (int i = 0; i < 20; i++) {
      targets[i] = ip("192.0.2." + (i + 1));
      dns.a((i + 1) + ".2.0.192.zen.spamhaus.org", "127.255.255.254");
    }
    var r = run(dns, List.of(list("spamhaus-zen"), list("spamcop")), targets);
    assertThat(of(r, FindingId.BLOCKLIST_ERROR))
        .singleElement()
        .satisfies(f -> assertThat(f.subject()).hasValue("spamhaus-zen: 20 targets"));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED))
        .singleElement()
        .satisfies(f -> assertThat(f.title()).isEqualTo("20 of 20 targets are not listed"));
  }

  @Test
  void customListUsesTheCommonConvention() {
    Blocklist lab = Blocklist.custom("lab", "bl.test");
    FakeDns dns = new FakeDns().a("2.0.0.127.bl.test", "127.0.0.2");
    var r =
        TestChecks.run(
            Checks.BLOCKLIST,
            new BlocklistCheck.Query(List.of(ip("127.0.0.2")), List.of(lab)),
            dns,
            CheckSettings.defaults().withAllowPrivate(true));
    assertThat(of(r, FindingId.BLOCKLIST_LISTED).get(0).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void badListsFilesAreOneLineInputErrors() {
    assertThatThrownBy(() -> BlocklistCatalog.parse("{", "f.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("f.json: not valid JSON");
    assertThatThrownBy(() -> BlocklistCatalog.parse("{\"lists\":[{\"name\":\"x\"}]}", "f.json"))
        .isInstanceOf(InputException.class)
        .hasMessage("f.json: list 1: \"zone\" is missing");
    assertThatThrownBy(
            () ->
                BlocklistCatalog.parse(
                    "{\"lists\":[{\"name\":\"x\",\"zone\":\"bl.test\",\"kind\":\"ip\",\"codes\":[{\"from\":\"127.0.0.2\",\"type\":\"bogus\"}]}]}",
                    "f.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("code type must be listed, policy or error");
  }
}
