package dev.mailcheck.checks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.scoring.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A missing MTA-STS record costs nothing where DANE authenticates every MX host. */
class DaneInsteadOfMtaStsTest {
  static Finding f(FindingId id, Status s, String subject) {
    return Finding.of(id, s, id.id()).subject(subject).build();
  }

  static final Finding NO_STS =
      Finding.of(FindingId.MTA_STS_RECORD, Status.WARN, "No MTA-STS policy")
          .detail("none.")
          .build();

  static List<Finding> dane(String host, Status match) {
    String s = host + ":25";
    return List.of(
        f(FindingId.DANE_TLSA_PRESENT, Status.PASS, s),
        f(FindingId.DANE_DNSSEC, Status.PASS, s),
        f(FindingId.DANE_USAGE, Status.PASS, s),
        f(FindingId.DANE_MATCH, match, s));
  }

  static List<Finding> with(List<Finding>... parts) {
    List<Finding> out = new ArrayList<>();
    for (var p : parts) out.addAll(p);
    out.add(NO_STS);
    return out;
  }

  static Status sts(List<Finding> findings) {
    return findings.stream()
        .filter(x -> x.kind() == FindingId.MTA_STS_RECORD)
        .findFirst()
        .orElseThrow()
        .status();
  }

  @Test
  void daneOnEveryMxMakesTheMissingRecordInformation() {
    var in = with(dane("mx1.a.test", Status.PASS), dane("mx2.a.test", Status.PASS));
    var out = CrossChecks.daneInsteadOfMtaSts(in, List.of("mx1.a.test", "mx2.a.test"), true);
    assertThat(sts(out)).isEqualTo(Status.INFO);
    assertThat(out).hasSameSizeAs(in);
    // and the transport score no longer pays for it
    double before = Scoring.score(in, Set.of()).categories().get("transport").score();
    double after = Scoring.score(out, Set.of()).categories().get("transport").score();
    assertThat(after).isGreaterThan(before);
  }

  @Test
  void oneMxWithoutDaneKeepsTheWarning() {
    var in = with(dane("mx1.a.test", Status.PASS));
    var out = CrossChecks.daneInsteadOfMtaSts(in, List.of("mx1.a.test", "mx2.a.test"), true);
    assertThat(sts(out)).isEqualTo(Status.WARN);
  }

  @Test
  void aFailingMatchKeepsTheWarning() {
    var in = with(dane("mx1.a.test", Status.PASS), dane("mx2.a.test", Status.FAIL));
    var out = CrossChecks.daneInsteadOfMtaSts(in, List.of("mx1.a.test", "mx2.a.test"), true);
    assertThat(sts(out)).isEqualTo(Status.WARN);
  }

  @Test
  void aPublishedOrUnknownRecordIsLeftAlone() {
    var in = with(dane("mx1.a.test", Status.PASS));
    assertThat(sts(CrossChecks.daneInsteadOfMtaSts(in, List.of("mx1.a.test"), false)))
        .isEqualTo(Status.WARN);
    assertThat(sts(CrossChecks.daneInsteadOfMtaSts(in, List.of(), true))).isEqualTo(Status.WARN);
  }
}
