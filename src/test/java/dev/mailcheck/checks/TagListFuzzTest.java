package dev.mailcheck.checks;

import static dev.mailcheck.fuzz.FuzzAssertions.assertPosition;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Collectors;

/** Fuzz target for the DKIM/DMARC tag-list (RFC 6376 §3.2) with a parse → render → parse check. */
class TagListFuzzTest {
  @FuzzTest
  void tagList(byte[] data) {
    String text = latin1(data);
    TagList t = TagList.parse(text);
    assertThat(t.problems().size()).isLessThanOrEqualTo(Limits.TAG_LIST_PROBLEMS);
    t.problems().forEach(p -> assertPosition("problem", p.position(), text.length(), false));
    for (TagList.Tag tag : t.tags()) {
      assertPosition("tag", tag.position(), text.length(), false);
      assertThat(tag.value()).doesNotContain(";");
      assertThat(text.substring(tag.position())).startsWith(tag.name());
    }
    String rendered =
        t.tags().stream().map(g -> g.name() + "=" + g.value()).collect(Collectors.joining("; "));
    TagList again = TagList.parse(rendered);
    assertThat(again.tags().stream().map(g -> g.name() + "=" + g.value()).toList())
        .isEqualTo(t.tags().stream().map(g -> g.name() + "=" + g.value()).toList());
    assertThat(again.problems()).isEmpty();
  }
}
