package dev.mailcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainListTest {
  static List<String> read(String text) {
    List<String> out = new ArrayList<>();
    new DomainList(new StringReader(text)).forEachRemaining(out::add);
    return out;
  }

  @Test
  void skipsBlankAndCommentLinesAndKeepsTheFirstField() {
    assertThat(
            read(
                "\uFEFFexample.com\n\n# a comment\n  example.org  \r\nexample.net,ACME Corp\n"
                    + "example.info\tnote\nlast.example"))
        .containsExactly(
            "example.com", "example.org", "example.net", "example.info", "last.example");
  }

  @Test
  void cutsAnOverlongLineWithoutBufferingIt() {
    String huge = "a".repeat(5_000_000);
    List<String> got = read(huge + "\nnext.example\n");
    assertThat(got).hasSize(2);
    assertThat(got.get(0)).hasSize(DomainList.MAX_LINE);
    assertThat(got.get(1)).isEqualTo("next.example");
  }
}
