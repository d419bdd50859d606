package dev.mailcheck.report.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportScoringTest {
  static Finding f(FindingId id, Status s) {
    return Finding.of(id, s, id.id()).build();
  }

  static int transport(Finding... findings) {
    return Scoring.score(List.of(findings)).categories().get("transport").score();
  }

  @Test
  void noMtaStsIsHalfTheCategory() {
    assertThat(
            transport(
                f(FindingId.MTA_STS_RECORD, Status.WARN), f(FindingId.TLS_RPT_RECORD, Status.INFO)))
        .isEqualTo(50);
  }

  @Test
  void testingModeEarnsNothingForTheMode() {
    assertThat(
            transport(
                f(FindingId.MTA_STS_RECORD, Status.PASS),
                f(FindingId.MTA_STS_POLICY, Status.PASS),
                f(FindingId.MTA_STS_MODE, Status.WARN),
                f(FindingId.MTA_STS_MX_COVERAGE, Status.PASS),
                f(FindingId.MTA_STS_CERTIFICATES, Status.INFO),
                f(FindingId.MTA_STS_MAX_AGE, Status.PASS),
                f(FindingId.TLS_RPT_RECORD, Status.PASS)))
        .isEqualTo(85);
  }

  @Test
  void enforcedCertificatesScoreWhereSmtpCertificatesDoNot() {
    var s =
        Scoring.score(
            List.of(
                f(FindingId.SMTP_CERTIFICATE, Status.WARN),
                f(FindingId.SMTP_STARTTLS, Status.PASS),
                f(FindingId.MTA_STS_RECORD, Status.PASS),
                f(FindingId.MTA_STS_CERTIFICATES, Status.FAIL)));
    assertThat(s.categories().get("smtp").score()).isEqualTo(100);
    assertThat(s.categories().get("transport").score()).isEqualTo(50);
    assertThat(s.deductions()).anyMatch(d -> d.findingId().equals("mta-sts.certificates"));
    assertThat(s.deductions()).anyMatch(d -> d.reason().startsWith("Transport security: "));
  }

  @Test
  void bimiAndCaaNeverScore() {
    var s =
        Scoring.score(
            List.of(
                f(FindingId.SPF_PRESENT, Status.PASS),
                f(FindingId.BIMI_LOGO, Status.FAIL),
                f(FindingId.CAA_MX, Status.INFO)));
    assertThat(s.categories()).doesNotContainKeys("bimi", "transport");
    assertThat(s.score()).isEqualTo(100);
  }
}
