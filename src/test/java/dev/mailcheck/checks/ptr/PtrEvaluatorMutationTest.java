package dev.mailcheck.checks.ptr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PtrEvaluator} on hand-built facts: the cases PIT showed no test told apart (issue 19,
 * docs/testing.md "Mutation testing").
 */
class PtrEvaluatorMutationTest {
  private static final String REV = "7.2.0.192.in-addr.arpa";
  private static final DnsQuestion PTR_Q = DnsQuestion.of(REV, RecordType.PTR);

  private static InetAddress ip() throws Exception {
    return InetAddress.getByName("192.0.2.7");
  }

  private static DnsResult ptrs(String... names) {
    return new DnsResult.Records(
        PTR_Q,
        java.util.Arrays.stream(names)
            .map(n -> (DnsRecord) new DnsRecord.Ptr(REV, 300, n))
            .toList(),
        List.of());
  }

  private static PtrFacts.Forward forward(String name, String... addrs) throws Exception {
    var q = DnsQuestion.of(name, RecordType.A);
    if (addrs.length == 0) return new PtrFacts.Forward(name, new DnsResult.NxDomain(q, List.of()));
    var recs = new java.util.ArrayList<DnsRecord>();
    for (String a : addrs) recs.add(new DnsRecord.Address(name, 300, InetAddress.getByName(a)));
    return new PtrFacts.Forward(name, new DnsResult.Records(q, recs, List.of()));
  }

  private static Finding find(List<Finding> fs, FindingId id) {
    return fs.stream().filter(f -> f.kind() == id).findFirst().orElseThrow();
  }

  @Test
  void aPtrAnswerWithoutPtrRecordsIsAnAbsentReverseName() throws Exception {
    var onlyCname =
        new DnsResult.Records(
            PTR_Q, List.of(new DnsRecord.Cname(REV, 300, "x.example.org")), List.of());
    var fs =
        new PtrEvaluator()
            .evaluate(new PtrFacts(ip(), REV, onlyCname, List.of()), Optional.empty());
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingId.PTR_PRESENT);
              assertThat(f.status()).isEqualTo(Status.FAIL);
              assertThat(f.detail()).startsWith("the PTR answer held no PTR record");
            });
  }

  @Test
  void aFailedPtrLookupIsATemporaryErrorNotAnAbsence() throws Exception {
    var fs =
        new PtrEvaluator()
            .evaluate(
                new PtrFacts(ip(), REV, new DnsResult.ServFail(PTR_Q, "upstream"), List.of()),
                Optional.of("mx.example.org"));
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.ERROR);
              assertThat(f.detail()).contains("SERVFAIL").contains("not an absence");
            });
  }

  @Test
  void severalNamesAreCountedNotedAndEachShownAsEvidence() throws Exception {
    var facts =
        new PtrFacts(
            ip(),
            REV,
            ptrs("a.example.org", "b.example.org"),
            List.of(forward("a.example.org", "192.0.2.7"), forward("b.example.org")));
    var fs = new PtrEvaluator().evaluate(facts, Optional.of("B.example.org"));
    Finding present = find(fs, FindingId.PTR_PRESENT);
    assertThat(present.title()).isEqualTo("Reverse DNS: 2 names");
    assertThat(present.evidence())
        .containsExactly(REV + ". PTR a.example.org.", REV + ". PTR b.example.org.");
    assertThat(find(fs, FindingId.PTR_MULTIPLE).status()).isEqualTo(Status.INFO);
    Finding fcrdns = find(fs, FindingId.PTR_FCRDNS);
    assertThat(fcrdns.status()).isEqualTo(Status.PASS);
    assertThat(fcrdns.title())
        .isEqualTo("Forward-confirmed: a.example.org resolves back to 192.0.2.7");
    assertThat(fcrdns.evidence())
        .containsExactly("a.example.org -> 192.0.2.7", "b.example.org -> NXDOMAIN");
    // the MX name is compared without regard to case
    assertThat(find(fs, FindingId.PTR_MATCHES_MX).title())
        .isEqualTo("Reverse name matches the MX name");
  }

  @Test
  void oneNameIsShownByNameAndAMismatchedMxIsSaid() throws Exception {
    var facts =
        new PtrFacts(
            ip(), REV, ptrs("a.example.org"), List.of(forward("a.example.org", "192.0.2.7")));
    var fs = new PtrEvaluator().evaluate(facts, Optional.of("mx.example.org"));
    assertThat(find(fs, FindingId.PTR_PRESENT).title()).isEqualTo("Reverse DNS: a.example.org");
    assertThat(fs).noneMatch(f -> f.kind() == FindingId.PTR_MULTIPLE);
    assertThat(find(fs, FindingId.PTR_MATCHES_MX).title())
        .isEqualTo("Reverse name differs from the MX name");
    assertThat(find(fs, FindingId.PTR_MATCHES_MX).detail())
        .contains("reverses to a.example.org, not to mx.example.org");
  }

  @Test
  void aTemporaryForwardFailureIsAnErrorAndNoForwardIsAFailure() throws Exception {
    var q = DnsQuestion.of("a.example.org", RecordType.A);
    var temp =
        new PtrFacts(
            ip(),
            REV,
            ptrs("a.example.org"),
            List.of(new PtrFacts.Forward("a.example.org", new DnsResult.Timeout(q, "slow"))));
    Finding t = find(new PtrEvaluator().evaluate(temp, Optional.empty()), FindingId.PTR_FCRDNS);
    assertThat(t.status()).isEqualTo(Status.ERROR);
    assertThat(t.evidence()).containsExactly("a.example.org -> TIMEOUT");
    var none =
        new PtrFacts(
            ip(), REV, ptrs("a.example.org"), List.of(forward("a.example.org", "192.0.2.8")));
    Finding n = find(new PtrEvaluator().evaluate(none, Optional.empty()), FindingId.PTR_FCRDNS);
    assertThat(n.status()).isEqualTo(Status.FAIL);
    assertThat(n.remedy())
        .contains(
            "Give a.example.org an A record for 192.0.2.7, or change the PTR to a name that has one.");
  }

  @Test
  void noDataIsAnAbsentReverseNameAndSeveralForwardAddressesAreAllShown() throws Exception {
    var nodata = new PtrFacts(ip(), REV, new DnsResult.NoData(PTR_Q, List.of()), List.of());
    assertThat(new PtrEvaluator().evaluate(nodata, Optional.empty()))
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).startsWith(REV + " has no PTR record"));
    var two =
        new PtrFacts(
            ip(),
            REV,
            ptrs("a.example.org"),
            List.of(forward("a.example.org", "192.0.2.8", "192.0.2.7")));
    Finding f = find(new PtrEvaluator().evaluate(two, Optional.empty()), FindingId.PTR_FCRDNS);
    assertThat(f.evidence()).containsExactly("a.example.org -> 192.0.2.8, 192.0.2.7");
  }

  @Test
  void aGenericPoolNameIsWarnedAbout() throws Exception {
    String pool = "192-0-2-7.dynamic.isp.example";
    var facts = new PtrFacts(ip(), REV, ptrs(pool), List.of(forward(pool, "192.0.2.7")));
    Finding g = find(new PtrEvaluator().evaluate(facts, Optional.empty()), FindingId.PTR_GENERIC);
    assertThat(g.status()).isEqualTo(Status.WARN);
    assertThat(g.title()).isEqualTo("Reverse name looks generic: " + pool);
    assertThat(g.remedy()).get().asString().endsWith("e.g. mail.<your domain>.");
  }
}
