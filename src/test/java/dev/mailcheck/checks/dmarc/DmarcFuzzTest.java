package dev.mailcheck.checks.dmarc;

import static dev.mailcheck.fuzz.FuzzAssertions.assertPosition;
import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzz target for DMARC record text (RFC 7489 / RFC 9989 §4.7), issue 19. */
class DmarcFuzzTest {
  @FuzzTest
  void dmarcRecord(byte[] data) {
    String text = latin1(data);
    DmarcRecord r = DmarcParser.parse(text);
    int terms = text.split(";", -1).length;
    for (DmarcRecord.Problem p : r.problems()) {
      assertPosition("problem", p.position(), text.length(), false);
      assertThat(p.term()).isBetween(0, terms);
      assertPrintable("problem message", p.message());
      assertPrintable("problem text", p.toString());
    }
    assertThat(r.usability()).isNotNull();
    // deterministic and stable: parsing the same text again gives the same record
    assertThat(DmarcParser.parse(text)).isEqualTo(r);
    r.rua().forEach(u -> assertPrintable("rua", String.valueOf(u)));
  }
}
