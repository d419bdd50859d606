package dev.mailcheck.checks.spf;

import static dev.mailcheck.fuzz.FuzzAssertions.assertPosition;
import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.checks.Limits;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Fuzz targets for SPF record text and macro-strings (issue 19). Without JAZZER_FUZZ they replay
 * the corpus under {@code SpfFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes them for real.
 */
class SpfFuzzTest {
  @FuzzTest
  void spfRecord(byte[] data) {
    String text = latin1(data);
    SpfRecord r = SpfParser.parse(text);
    assertThat(r.problems().size()).isLessThanOrEqualTo(Limits.SPF_PROBLEMS);
    for (SpfProblem p : r.problems()) {
      assertPosition("problem", p.position(), text.length(), true);
      assertPrintable("problem message", p.message());
    }
    for (SpfTerm t : r.terms()) {
      assertPosition("term", t.position(), text.length(), true);
      assertThat(text.substring(t.position() - 1)).startsWith(t.text());
    }
    // render → parse: the terms written back with single spaces read the same
    if (SpfParser.isSpf(text)) {
      StringBuilder rendered = new StringBuilder("v=spf1");
      r.terms().forEach(t -> rendered.append(' ').append(t.text()));
      SpfRecord again = SpfParser.parse(rendered.toString());
      assertThat(again.terms().stream().map(SpfTerm::text).toList())
          .isEqualTo(r.terms().stream().map(SpfTerm::text).toList());
      assertThat(again.mechanisms().stream().map(SpfTerm.Mechanism::kind).toList())
          .isEqualTo(r.mechanisms().stream().map(SpfTerm.Mechanism::kind).toList());
    }
  }

  @FuzzTest
  void spfMacros(byte[] data) throws Exception {
    if (data.length == 0) return;
    boolean explanation = (data[0] & 1) == 1;
    String spec = latin1(data).substring(1);
    Optional<String> bad = SpfMacros.check(spec, explanation);
    bad.ifPresent(m -> assertPrintable("macro problem", m));
    if (bad.isPresent()) return;
    var v =
        new SpfMacros.Values(
            InetAddress.getByName("192.0.2.1"),
            "user.name@example.org",
            "example.org",
            "mail.example.org",
            "mx.example.net",
            1_700_000_000L,
            () -> "mail.example.org");
    String expanded = SpfMacros.expand(spec, v, explanation);
    // every macro expands to at most the longest value (a few dozen octets) per written octet
    assertThat((long) expanded.length()).isLessThanOrEqualTo(spec.length() * 64L + 64);
    if (!explanation) {
      String domain = SpfMacros.expandDomain(spec, v);
      assertThat(domain.length()).isLessThanOrEqualTo(Math.max(253, spec.length() * 64));
    }
  }
}
