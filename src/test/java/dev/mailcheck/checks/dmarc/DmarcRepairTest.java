package dev.mailcheck.checks.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcRepairTest {
  /** Published record | the same record with only the broken parts corrected ("-": none). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "p=reject; v=DMARC1; rua=mailto:a@example.com | v=DMARC1; p=reject; rua=mailto:a@example.com",
        "p=none; V = dmarc1; sp=reject                | v=DMARC1; p=none; sp=reject",
        "v=dmarc1; p=quarantine                       | v=DMARC1; p=quarantine",
        "' v=DMARC1; p=reject'                        | v=DMARC1; p=reject",
        "v=DMARC1; p=rejected; adkim=x; rua=dmarc@broken.test | v=DMARC1; p=reject; rua=mailto:dmarc@broken.test",
        "v=DMARC1; p=reject;; aspf=strict; fo=1:2      | v=DMARC1; p=reject; aspf=s; fo=1",
        "v=DMARC1; sp=quarantin; p=reject; t=yes       | v=DMARC1; sp=quarantine; p=reject; t=y",
        "v=DMARC1; p=reject; rua=mailto:a@example.com!5x,nope | v=DMARC1; p=reject; rua=mailto:a@example.com",
        "v=DMARC1; p=reject; np=maybe; psd=x; tagonly  | v=DMARC1; p=reject",
        "v=DMARC1; p=reject; p=none                    | v=DMARC1; p=reject",
        "v=DMARC1; adkim=s                             | v=DMARC1; p=none; adkim=s",
        "v=DMARC1; p=block; rua=mailto:a@example.com   | -",
      })
  void correctsOnlyTheBrokenParts(String published, String expected) {
    assertThat(DmarcRepair.repair(published).orElse("-")).isEqualTo(expected);
    DmarcRepair.repair(published)
        .ifPresent(r -> assertThat(DmarcParser.parse(r).valid()).as(r).isTrue());
  }
}
