package dev.mailcheck.checks.postfix.config;

import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.checks.Limits;

/** Fuzz targets for main.cf and master.cf text (issue 19). */
class PostfixConfigFuzzTest {
  @FuzzTest
  void mainCf(byte[] data) {
    String text = latin1(data);
    int lines = text.split("\r?\n", -1).length;
    MainCf m = MainCf.parse(text, "main.cf");
    assertThat(m.problems().size()).isLessThanOrEqualTo(Limits.POSTFIX_MAIN_CF_PROBLEMS);
    assertThat(m.problems())
        .allSatisfy(p -> assertThat(p).startsWith("main.cf:").doesNotContain("\n"));
    for (MainCf.Param p : m.params().values()) {
      assertThat(p.line()).isBetween(1, lines);
      assertThat(p.name()).matches("[A-Za-z0-9_.\\-/]+");
    }
    // render → parse: "name = value" lines read back the same parameters
    StringBuilder rendered = new StringBuilder();
    m.params()
        .values()
        .forEach(p -> rendered.append(p.name()).append(" = ").append(p.value()).append('\n'));
    MainCf again = MainCf.parse(rendered.toString(), "main.cf");
    assertThat(again.params().keySet()).isEqualTo(m.params().keySet());
    m.params().forEach((k, p) -> assertThat(again.params().get(k).value()).isEqualTo(p.value()));
  }

  @FuzzTest
  void masterCf(byte[] data) {
    String text = latin1(data);
    int lines = text.split("\r?\n", -1).length;
    MasterCf m = MasterCf.parse(text, "master.cf");
    assertThat(m.problems().size()).isLessThanOrEqualTo(Limits.POSTFIX_MAIN_CF_PROBLEMS);
    for (MasterCf.Service s : m.services()) {
      assertThat(s.line()).isBetween(1, lines);
      assertThat(s.port()).isBetween(0, Integer.MAX_VALUE);
      s.overrides().forEach(o -> assertThat(o.line()).isBetween(1, lines));
      s.address();
    }
  }
}
