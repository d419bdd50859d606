package dev.mailcheck.checks.mtasts;

import static dev.mailcheck.fuzz.FuzzAssertions.assertPosition;
import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzz targets for MTA-STS policies and the _mta-sts / _smtp._tls TXT records (issue 19). */
class MtaStsFuzzTest {
  @FuzzTest
  void stsPolicy(byte[] data) {
    StsPolicy p = StsPolicy.parse(data);
    int lines = (int) new String(data, java.nio.charset.StandardCharsets.UTF_8).lines().count();
    for (Problem pr : p.problems()) {
      assertPosition("problem line", pr.position(), Math.max(lines, 1), true);
      assertPrintable("policy problem", pr.message());
    }
    assertThat(p.lineEnding()).isIn("CRLF", "LF", "mixed", "none", "");
    p.maxAge().ifPresent(a -> assertThat(a).isBetween(0L, 9_999_999_999L));
    assertThat(p.mx().size() + p.unknown().size()).isLessThanOrEqualTo(data.length);
    assertThat(StsPolicy.parse(data)).isEqualTo(p);
  }

  @FuzzTest
  void stsAndTlsRptRecords(byte[] data) {
    String text = latin1(data);
    StsRecord s = StsRecord.parse(text);
    for (Problem pr : s.problems()) {
      assertPosition("sts problem", pr.position(), text.length(), true);
      assertPrintable("sts problem", pr.message());
    }
    TlsRptRecord t = TlsRptRecord.parse(text);
    for (Problem pr : t.problems()) {
      assertPosition("tlsrpt problem", pr.position(), text.length(), true);
      assertPrintable("tlsrpt problem", pr.message());
    }
  }
}
