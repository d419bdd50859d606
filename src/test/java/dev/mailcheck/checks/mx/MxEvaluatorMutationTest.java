package dev.mailcheck.checks.mx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.testing.TestChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MxEvaluator} cases PIT showed no test told apart (issue 19, docs/testing.md "Mutation
 * testing"): exact titles, counts and evidence rather than statuses alone. Public addresses are
 * 93.184.216.0/24 literals in a fake zone (the documentation ranges count as special-purpose).
 */
class MxEvaluatorMutationTest {
  private static List<Finding> run(FakeDns dns, boolean allowPrivate) {
    return TestChecks.run(
            Checks.MX, "example.com", dns, CheckSettings.defaults().withAllowPrivate(allowPrivate))
        .findings();
  }

  private static List<Finding> of(List<Finding> fs, FindingId id) {
    return fs.stream().filter(f -> f.kind() == id).toList();
  }

  @Test
  void oneExchangeIsCountedInTheSingularWithItsMxRecordAsEvidence() {
    var fs =
        run(
            new FakeDns()
                .mx("example.com", 10, "mx1.example.com")
                .a("mx1.example.com", "93.184.216.1"),
            false);
    Finding present = of(fs, FindingId.MX_PRESENT).get(0);
    assertThat(present.status()).isEqualTo(Status.PASS);
    assertThat(present.title()).isEqualTo("1 mail exchange");
    assertThat(present.evidence()).containsExactly("example.com. MX 10 mx1.example.com.");
    assertThat(of(fs, FindingId.MX_DUPLICATE)).isEmpty();
    assertThat(of(fs, FindingId.MX_SAME_PREFERENCE)).isEmpty();
    assertThat(of(fs, FindingId.MX_PRIVATE_ADDRESS))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(Status.PASS));
  }

  @Test
  void aTargetListedTwiceIsADuplicateAndEqualPreferencesAreNoted() {
    var dns =
        new FakeDns()
            .mx("example.com", 10, "mx1.example.com")
            .mx("example.com", 10, "mx2.example.com")
            .mx("example.com", 20, "mx1.example.com")
            .a("mx1.example.com", "93.184.216.1")
            .a("mx2.example.com", "93.184.216.2");
    var fs = run(dns, false);
    assertThat(of(fs, FindingId.MX_DUPLICATE))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("The same MX target is listed 2 times");
              assertThat(f.subject()).contains("mx1.example.com");
            });
    var same =
        run(
            new FakeDns()
                .mx("example.com", 10, "mx1.example.com")
                .mx("example.com", 10, "mx2.example.com")
                .a("mx1.example.com", "93.184.216.1")
                .a("mx2.example.com", "93.184.216.2"),
            false);
    assertThat(of(same, FindingId.MX_SAME_PREFERENCE)).hasSize(1);
    assertThat(of(same, FindingId.MX_PRESENT).get(0).title()).isEqualTo("2 mail exchanges");
  }

  @Test
  void aTimedOutMxLookupIsATemporaryErrorAndNothingElse() {
    var fs = run(new FakeDns().timeout("example.com", RecordType.MX), false);
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.ERROR);
              assertThat(f.detail()).contains("TIMEOUT").contains("not a missing record");
            });
  }

  @Test
  void theImplicitMxShowsTheDomainsOwnAddressesAsEvidence() {
    var fs = run(new FakeDns().a("example.com", "93.184.216.9"), false);
    assertThat(of(fs, FindingId.MX_IMPLICIT))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsExactly("example.com. A 93.184.216.9"));
  }

  @Test
  void anExchangeWhoseLookupsFailNamesBothOutcomes() {
    var dns =
        new FakeDns()
            .mx("example.com", 10, "mx1.example.com")
            .servfail("mx1.example.com", RecordType.A)
            .servfail("mx1.example.com", RecordType.AAAA);
    var fs = run(dns, false);
    assertThat(of(fs, FindingId.MX_RESOLVABLE))
        .anySatisfy(f -> assertThat(f.detail()).contains("(A SERVFAIL, AAAA SERVFAIL)"));
    assertThat(of(fs, FindingId.MX_PRIVATE_ADDRESS)).isEmpty();
  }

  @Test
  void privateAddressesAreAcceptedWithAllowPrivateAndOtherwiseWarnedOrFailed() {
    var onlyPrivate =
        new FakeDns().mx("example.com", 10, "mx1.example.com").a("mx1.example.com", "10.0.0.1");
    Finding allowed = of(run(onlyPrivate, true), FindingId.MX_PRIVATE_ADDRESS).get(0);
    assertThat(allowed.status()).isEqualTo(Status.INFO);
    assertThat(allowed.detail())
        .endsWith("Accepted because of " + Switches.WORDS.allowPrivate() + ".");
    assertThat(allowed.remedy()).isEmpty();
    Finding none = of(run(onlyPrivate, false), FindingId.MX_PRIVATE_ADDRESS).get(0);
    assertThat(none.status()).isEqualTo(Status.FAIL);
    assertThat(none.title()).isEqualTo("No MX address is reachable from the internet");
    assertThat(none.remedy()).contains("Publish the public address of mx1.example.com.");
    var mixed =
        new FakeDns()
            .mx("example.com", 10, "mx1.example.com")
            .mx("example.com", 20, "mx2.example.com")
            .a("mx1.example.com", "10.0.0.1")
            .a("mx2.example.com", "93.184.216.2");
    Finding some = of(run(mixed, false), FindingId.MX_PRIVATE_ADDRESS).get(0);
    assertThat(some.status()).isEqualTo(Status.WARN);
    assertThat(some.title()).isEqualTo("MX address is not reachable from the internet");
  }

  @Test
  void aRefusedMxLookupIsAnErrorAndNothingElse() {
    var refused =
        new dev.mailcheck.dns.DnsResult.Refused(
            dev.mailcheck.dns.DnsQuestion.of("example.com", RecordType.MX),
            5,
            "refused by 192.0.2.53");
    var fs =
        new MxEvaluator(false, Switches.WORDS)
            .evaluate(new MxFacts("example.com", refused, List.of(), false));
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingId.MX_PRESENT);
              assertThat(f.status()).isEqualTo(Status.ERROR);
              assertThat(f.detail())
                  .isEqualTo(
                      "The MX lookup of example.com failed (REFUSED); this is a temporary DNS failure, not a missing record.");
            });
  }

  @Test
  void twoNullMxRecordsAreNotADuplicateTarget() {
    var fs =
        run(
            new FakeDns()
                .mx("example.com", 0, "")
                .mx("example.com", 0, "")
                .mx("example.com", 10, "mx1.example.com")
                .a("mx1.example.com", "93.184.216.1"),
            false);
    assertThat(of(fs, FindingId.MX_DUPLICATE)).isEmpty();
  }

  @Test
  void aPrivateAddressIsExplainedByWhetherAnyPublicOneRemains() {
    var mixed =
        run(
            new FakeDns()
                .mx("example.com", 10, "mx1.example.com")
                .mx("example.com", 20, "mx2.example.com")
                .a("mx1.example.com", "10.0.0.1")
                .a("mx2.example.com", "93.184.216.2"),
            false);
    assertThat(of(mixed, FindingId.MX_PRIVATE_ADDRESS))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.WARN);
              assertThat(f.detail())
                  .startsWith("10.0.0.1 is in a special-purpose range: ")
                  .contains(". Mail from the internet cannot reach it (fine for labs");
            });
    var onlyPrivate =
        run(
            new FakeDns().mx("example.com", 10, "mx1.example.com").a("mx1.example.com", "10.0.0.1"),
            false);
    assertThat(of(onlyPrivate, FindingId.MX_PRIVATE_ADDRESS))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.FAIL);
              assertThat(f.detail())
                  .contains(
                      ". Every MX address of the domain is in such a range, so no mail from the internet can be delivered");
            });
  }
}
