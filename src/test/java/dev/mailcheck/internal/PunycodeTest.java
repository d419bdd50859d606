package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3492 §7.1 sample strings (lower-cased) and IDNA examples, both directions. */
class PunycodeTest {
  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bücher                        | bcher-kva
          münchen                       | mnchen-3ya
          faß                           | fa-hia
          ß                             | zca
          ☃                             | n3h
          例え                            | r8jz45g
          ليهمابتكلموشعربي؟             | egbpdaj6bu4bxfgehfvwxn
          他们为什么不说中文                 | ihqwcrb4cv8a8dqg056pqjye
          почемужеонинеговорятпорусски  | b1abfaaepdrnnbgefbadotcwatmq2g4l
          3年b組金八先生                    | 3b-ww4c5e180e575a65lsy2b
          """)
  void encodesAndDecodes(String unicode, String puny) {
    assertThat(Punycode.encode(unicode)).isEqualTo(puny);
    assertThat(Punycode.decode(puny)).isEqualTo(unicode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bcher-kv!", "99999999999", "abc-ü", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz9"})
  void rejectsInvalidInput(String bad) {
    assertThatThrownBy(() -> Punycode.decode(bad)).isInstanceOf(IllegalArgumentException.class);
  }
}
