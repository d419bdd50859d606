package dev.mailcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagListTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // input | tags as name=value, comma separated | problems (first position, 1-based) or empty
        "v=DKIM1; k=rsa; p=abc| v=DKIM1,k=rsa,p=abc |",
        "v=DKIM1; k=rsa; p=abc;| v=DKIM1,k=rsa,p=abc |",
        "`  v = DKIM1 ;t = y:n:extra ; x1 = extra `| v=DKIM1,t=y:n:extra,x1=extra |",
        "`p=MIGf\r\n\tAAA BBB`| `p=MIGf\r\n\tAAA BBB` |",
        "`v=DKIM1; t; p=x`| v=DKIM1,p=x | 10",
        "`v=1; v=2`| v=1 | 6",
        "`v=1;; k=rsa`| v=1,k=rsa | 5",
        "`1v=1; k=rsa`| k=rsa | 1",
        "`k=rsa; p=`| k=rsa,p= |",
        "`` | |",
        "`K=rsa; k=ed25519`| K=rsa,k=ed25519 |",
      })
  void parsesTagsAndPositionsProblems(String input, String expectedTags, Integer problemAt) {
    TagList t = TagList.parse(input == null ? "" : input);
    String tags = String.join(",", t.tags().stream().map(x -> x.name() + "=" + x.value()).toList());
    assertThat(tags).isEqualTo(expectedTags == null ? "" : expectedTags);
    if (problemAt == null) {
      assertThat(t.problems()).isEmpty();
      assertThat(t.isValid()).isTrue();
    } else {
      assertThat(t.problems()).isNotEmpty();
      assertThat(t.problems().get(0).position() + 1).isEqualTo(problemAt);
      assertThat(t.problems().get(0).toString()).contains("position " + problemAt);
    }
  }

  /** {@link Limits#TAG_LIST_PROBLEMS} problems kept, at cap−1, cap and cap+1 (issue 19). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {-1, 0, 1})
  void problemsAtTheCap(int delta) {
    int n = Limits.TAG_LIST_PROBLEMS + delta;
    assertThat(TagList.parse("x;".repeat(n)).problems())
        .hasSize(Math.min(n, Limits.TAG_LIST_PROBLEMS));
  }

  @org.junit.jupiter.api.Test
  void capsTheNumberOfProblems() {
    TagList t = TagList.parse("x;".repeat(500));
    assertThat(t.problems()).hasSize(Limits.TAG_LIST_PROBLEMS);
  }

  @org.junit.jupiter.api.Test
  void getIsCaseSensitiveAsRfc6376Says() {
    TagList t = TagList.parse("K=rsa");
    assertThat(t.get("k")).isEmpty();
    assertThat(t.get("K")).contains("rsa");
    assertThat(t.getIgnoringCase("k")).contains("rsa");
  }

  /**
   * Only FWS (SP, HTAB, CR, LF) surrounds a tag value (RFC 6376 §3.2). Other control characters at
   * the ends are not whitespace to strip but characters the value may not contain: they are
   * reported, never silently removed (String.strip() removed VT, FF and 0x1C-0x1F).
   */
  @ParameterizedTest(name = "[{index}] 0x{0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x1f})
  void controlCharactersAroundAValueAreProblemsNotWhitespace(int c) {
    String ch = String.valueOf((char) c);
    TagList t = TagList.parse("v=DKIM1; k=rsa" + ch + "; h=" + ch + "sha256");
    assertThat(t.get("k")).isEmpty();
    assertThat(t.get("h")).isEmpty();
    assertThat(t.problems()).hasSize(2);
    assertThat(t.problems().get(0).toString()).contains("0x" + Integer.toHexString(c));
    assertThat(TagList.stripFws(" \t\r\n" + ch + "x" + ch + " \r\n")).isEqualTo(ch + "x" + ch);
  }

  @org.junit.jupiter.api.Test
  void withoutFwsDropsOnlyFoldingWhitespace() {
    assertThat(TagList.withoutFws("")).isEmpty();
    assertThat(TagList.withoutFws("abc")).isEqualTo("abc");
    assertThat(TagList.withoutFws(" a\tb\r\n c ")).isEqualTo("abc");
    // VT and FF are not FWS: base64 with them stays invalid
    assertThat(TagList.withoutFws("a\u000bb\fc")).isEqualTo("a\u000bb\fc");
  }
}
