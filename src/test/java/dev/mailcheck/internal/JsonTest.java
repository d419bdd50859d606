package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
  @Test
  void readsEveryKindOfValueInOrder() {
    Json.Value v =
        Json.parse(
            " {\"b\": [1, -2.5e3, true, false, null], \"a\": \"x\\u00e9\\n\\\"\\\\/\", \"c\": {}}\n");
    assertThat(((Json.Obj) v).members().keySet()).containsExactly("b", "a", "c");
    assertThat(v.get("b").elements())
        .containsExactly(
            new Json.Num(new BigDecimal("1")),
            new Json.Num(new BigDecimal("-2.5e3")),
            new Json.Bool(true),
            new Json.Bool(false),
            Json.Null.NULL);
    assertThat(v.get("a").text()).contains("x\u00e9\n\"\\/");
    assertThat(v.get("missing")).isEqualTo(Json.Null.NULL);
    assertThat(v.has("c")).isTrue();
    assertThat(v.get("b").elements().get(0).longValue()).contains(1L);
    assertThat(v.get("b").elements().get(1).longValue()).contains(-2500L);
  }

  @Test
  void writesWhatItReadsBack() {
    Map<String, Json.Value> m = new LinkedHashMap<>();
    m.put("name", Json.of("a\"b\\c\u0001\t"));
    m.put("ttl", Json.of(300));
    m.put("ok", Json.of(true));
    m.put(
        "list",
        new Json.Arr(List.of(Json.of("x"), new Json.Obj(Map.of()), new Json.Arr(List.of()))));
    m.put("none", Json.Null.NULL);
    Json.Value v = new Json.Obj(m);
    String text = Json.write(v);
    assertThat(text).contains("\"ttl\" : 300").contains("\\u0001").doesNotContain("\t");
    assertThat(Json.parse(text)).isEqualTo(v);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1,]|1|4|unexpected character ']'",
        "{\"a\":1,\"a\":2}|1|8|duplicate member \"a\"",
        "[01]|1|3|expected ','",
        "\"abc|1|5|unterminated string",
        "[1] 2|1|5|unexpected content after the JSON value",
        "{a:1}|1|2|expected a member name",
        "[\"\\x\"]|1|3|bad escape '\\x'",
        "tru|1|1|unexpected character 't'",
        "[1e]|1|4|bad number",
        "''|1|1|unexpected end of input",
      })
  void refusesBadInputSayingWhere(String input, int line, int column, String detail) {
    assertThatThrownBy(() -> Json.parse(input))
        .isInstanceOfSatisfying(
            Json.SyntaxError.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.detail()).startsWith(detail);
            });
  }

  @Test
  void countsLinesForTheErrorPosition() {
    assertThatThrownBy(() -> Json.parse("[\n  1,\n  x]"))
        .isInstanceOfSatisfying(
            Json.SyntaxError.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(3);
            });
  }

  @Test
  void refusesNestingDeeperThanTheCapButReadsTheCap() {
    String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertThat(Json.parse(ok)).isInstanceOf(Json.Arr.class);
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertThatThrownBy(() -> Json.parse(deep))
        .isInstanceOf(Json.SyntaxError.class)
        .hasMessageContaining("nested deeper than 64");
    String hostile = "[".repeat(1_000_000);
    assertThatThrownBy(() -> Json.parse(hostile)).isInstanceOf(Json.SyntaxError.class);
  }

  @Test
  void aHugeExponentIsAnErrorOrANumberButNeverALong() {
    assertThatThrownBy(() -> Json.parse("1e99999999999"))
        .isInstanceOf(Json.SyntaxError.class)
        .hasMessageContaining("out of range");
    assertThat(Json.parse("1e999999").longValue()).isEmpty();
    assertThat(Json.parse("1.5").longValue()).isEmpty();
  }
}
