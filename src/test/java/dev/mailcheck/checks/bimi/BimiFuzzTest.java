package dev.mailcheck.checks.bimi;

import static dev.mailcheck.fuzz.FuzzAssertions.assertAllPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.checks.dane.Tlsa;
import java.util.Optional;

/** Fuzz targets for BIMI records, SVG Tiny PS logos and TLSA records (issue 19). */
class BimiFuzzTest {
  @FuzzTest
  void bimiRecord(byte[] data) {
    String text = latin1(data);
    BimiRecord r = BimiRecord.parse(text);
    assertAllPrintable("bimi problem", r.problems());
    if (r.valid()) assertThat(BimiRecord.isBimi(text)).isTrue();
  }

  @FuzzTest
  void svgLogo(byte[] data) {
    SvgTinyPs.Result r = SvgTinyPs.check(data);
    assertThat(r.problems().size()).isLessThanOrEqualTo(20);
    assertAllPrintable("svg problem", r.problems());
    for (String s : new String[] {r.baseProfile(), r.version(), r.viewBox()})
      assertPrintable("svg attribute", s == null ? "" : s);
    assertThat(r.title() == null ? 0 : r.title().length()).isLessThanOrEqualTo(data.length + 200);
  }

  /** TLSA presentation: parse → render → parse gives the same record. */
  @FuzzTest
  void tlsaRecord(byte[] data) {
    Optional<Tlsa> t = Tlsa.parse(latin1(data));
    if (t.isEmpty()) return;
    Tlsa a = t.get();
    assertThat(a.data()).matches("[0-9a-f]*");
    String rendered = a.usage() + " " + a.selector() + " " + a.matchingType() + " " + a.data();
    assertThat(Tlsa.parse(rendered)).contains(a);
  }
}
