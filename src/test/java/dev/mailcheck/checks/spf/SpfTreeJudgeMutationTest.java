package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.view.SpfView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit tree's a, mx and exists nodes: which are void lookups and what their notes say, how a
 * failed lookup of each is shown, and the ten-name limit of one mx term at 9, 10 and 11 names.
 * Written against the PIT survivors in {@link SpfTreeJudge} (issue 19).
 */
class SpfTreeJudgeMutationTest {
  private static SpfReport audit(FakeDns dns) {
    return SpfRuns.audit("example.com", dns);
  }

  /** The nodes below the root, in evaluation order. */
  private static List<SpfView.Node> terms(SpfReport r) {
    return r.section().tree().orElseThrow().children();
  }

  @Test
  void voidLookupsAreMarkedAndNamedAndOthersAreNot() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 a:host.example.com a:gone.example.com mx:gone.example.com exists:gone.example.com mx:nullmx.example.com -all")
            .a("host.example.com", "192.0.2.1")
            .mx("nullmx.example.com", 0, "");
    SpfReport r = audit(dns);
    List<SpfView.Node> t = terms(r);
    assertThat(t)
        .extracting(SpfView.Node::voidLookup)
        .containsExactly(false, true, true, true, false);
    assertThat(t)
        .extracting(n -> n.note().orElse(""))
        .containsExactly(
            "",
            "void lookup: gone.example.com has no A or AAAA record (NXDOMAIN)",
            "void lookup: gone.example.com has no MX record (NXDOMAIN)",
            "void lookup: gone.example.com has no A record (NXDOMAIN); the term never matches",
            "null MX (RFC 7505): matches nothing");
    assertThat(t.get(0).addresses()).containsExactly("ip4:192.0.2.1");
    assertThat(r.section().voidLookups()).isEqualTo(3);
  }

  @Test
  void aFailedLookupOfAnAMxOrExistsTermIsATemporaryErrorNotAVoidLookup() {
    FakeDns dns =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 a:down.example.com mx:down.example.com exists:down.example.com -all")
            .servfail("down.example.com", RecordType.A)
            .servfail("down.example.com", RecordType.AAAA)
            .servfail("down.example.com", RecordType.MX);
    SpfReport r = audit(dns);
    List<SpfView.Node> t = terms(r);
    assertThat(t).extracting(SpfView.Node::voidLookup).containsOnly(false);
    assertThat(t).extracting(n -> n.note()).containsOnly(java.util.Optional.empty());
    assertThat(t)
        .extracting(n -> n.error().orElse(""))
        .containsExactly(
            "lookup of down.example.com/A failed: SERVFAIL (temperror)",
            "MX lookup failed: SERVFAIL (temperror)",
            "A lookup failed: SERVFAIL (temperror)");
    assertThat(r.section().voidLookups()).isZero();
    assertThat(r.section().lookups()).isEqualTo(3);
  }

  /** RFC 7208 §4.6.4: an mx term naming more than 10 hosts is a permerror. */
  @ParameterizedTest(name = "{0} MX names")
  @ValueSource(ints = {9, 10, 11})
  void anMxTermMayNameTenHosts(int names) {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx -all");
    for (int i = 1; i <= names; i++)
      dns.mx("example.com", i, "mx" + i + ".example.com")
          .a("mx" + i + ".example.com", "192.0.2." + i);
    SpfReport r = audit(dns);
    SpfView.Node mx = terms(r).get(0);
    if (names <= 10) {
      assertThat(mx.error()).isEmpty();
      assertThat(mx.addresses()).hasSize(names);
      assertThat(r.findings()).noneMatch(f -> f.id().equals("spf.mx-names"));
    } else {
      assertThat(mx.error()).isPresent();
      assertThat(mx.addresses()).isEmpty();
      assertThat(r.findings()).anyMatch(f -> f.id().equals("spf.mx-names"));
    }
    assertThat(r.section().lookups()).isEqualTo(1);
  }
}
