package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key record is published as quoted character-strings of at most {@link
 * Limits#DKIM_KEY_STRING_BYTES} (255) octets (RFC 1035 §3.3.14), checked at cap−1, cap and cap+1
 * (issue 19).
 */
class DkimKeyRecordTest {
  @ParameterizedTest(name = "{0} octets over one string")
  @ValueSource(ints = {-1, 0, 1})
  void stringsAreSplitAtTheCharacterStringLimit(int delta) {
    String text = "v=DKIM1; p=" + "A".repeat(Limits.DKIM_KEY_STRING_BYTES + delta - 11);
    List<String> strings = DkimKeyRecord.strings(text);
    assertThat(strings).hasSize(delta <= 0 ? 1 : 2);
    assertThat(strings).allSatisfy(s -> assertThat(s).startsWith("\"").endsWith("\""));
    assertThat(strings)
        .allSatisfy(
            s -> assertThat(s.length() - 2).isLessThanOrEqualTo(Limits.DKIM_KEY_STRING_BYTES));
    assertThat(String.join("", strings).replace("\"", "")).isEqualTo(text);
  }
}
