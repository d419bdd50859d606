package dev.mailcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagListTest {
  @Test
  void tagsKeepPositionsAndTrimmedValues() {
    TagList t = TagList.parse("v=DMARC1; p = reject ;\trua=mailto:a@b.example;");
    assertThat(t.problems()).isEmpty();
    assertThat(t.tags()).extracting(TagList.Tag::name).containsExactly("v", "p", "rua");
    assertThat(t.tags()).extracting(TagList.Tag::value).containsExactly("DMARC1", "reject", "mailto:a@b.example");
    assertThat(t.tags()).extracting(TagList.Tag::position).containsExactly(0, 10, 23);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=DMARC1; p          | 10 | has no \"=\"",
        "v=DMARC1; =reject    | 10 | without a tag name",
        "v=DMARC1; 1p=reject  | 10 | invalid tag name",
        "v=DMARC1; p=re\u00e9ject | 14 | invalid character U+00E9",
        "v=DMARC1; p=a; p=b   | 15 | duplicate tag",
      })
  void problemsArePositioned(String text, int position, String message) {
    TagList t = TagList.parse(text);
    assertThat(t.problems()).singleElement().satisfies(p -> {
      assertThat(p.position()).isEqualTo(position);
      assertThat(p.message()).contains(message);
    });
  }

  @Test
  void namesAreCaseSensitiveUnlessAsked() {
    TagList t = TagList.parse("V=DMARC1; P=reject");
    assertThat(t.get("v")).isEmpty();
    assertThat(t.get("v", true)).get().extracting(TagList.Tag::value).isEqualTo("DMARC1");
    assertThat(TagList.parse("p=a; P=b").problems()).isEmpty();
  }

  @Test
  void emptySpecsAreTolerated() {
    assertThat(TagList.parse("a=1;; b=2; ").problems()).isEmpty();
    assertThat(TagList.parse("").tags()).isEmpty();
  }

  @Test
  void problemsAreCapped() {
    assertThat(TagList.parse("x;".repeat(500)).problems()).hasSize(TagList.MAX_PROBLEMS);
  }
}
