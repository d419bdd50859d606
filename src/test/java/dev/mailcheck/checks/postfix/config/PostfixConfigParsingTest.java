package dev.mailcheck.checks.postfix.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostfixConfigParsingTest {
  @Test
  void mainCfContinuationsCommentsAndLastWins() {
    MainCf m =
        MainCf.parse(
            "# comment\nfoo = a,\n    b\n  # inner comment\n\tc\nbar=1\n   \nbar = 2\n", "main.cf");
    assertThat(m.get("foo").orElseThrow().value()).isEqualTo("a, b c");
    assertThat(m.get("foo").orElseThrow().origin()).isEqualTo("main.cf:2");
    assertThat(m.get("bar").orElseThrow().value()).isEqualTo("2");
    assertThat(m.problems())
        .containsExactly("main.cf:8: bar overrides the earlier entry at line 6");
  }

  @Test
  void masterCfOverridesInEveryForm() {
    MasterCf m =
        MasterCf.parse(
            "submission inet n - y - - smtpd\n  -o syslog_name=postfix/submission\n  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }\n"
                + "127.0.0.1:465 inet n - y - - smtpd -osmtpd_tls_wrappermode=yes\n",
            "master.cf");
    assertThat(m.services()).hasSize(2);
    var sub = m.services().get(0);
    assertThat(sub.port()).isEqualTo(587);
    assertThat(sub.override("smtpd_client_restrictions").orElseThrow().value())
        .isEqualTo("permit_sasl_authenticated, reject");
    var smtps = m.services().get(1);
    assertThat(smtps.port()).isEqualTo(465);
    assertThat(smtps.address()).contains("127.0.0.1");
    assertThat(smtps.override("smtpd_tls_wrappermode").orElseThrow().value()).isEqualTo("yes");
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "$a|A",
        "${a}.$(b)|A.",
        "${a?set}|set",
        "${b?set}|''",
        "${b:fallback}|fallback",
        "${a:fallback}|A",
        "${a?{x $a}:{y}}|x A",
        "${b?{x}:{y $a}}|y A",
        "$$a|$a",
        "$c|A/A",
        "$myhostname|mail.example.com",
      })
  void expandsLikePostfix(String text, String expected) {
    MainCf m =
        MainCf.parse(
            "a = A\nb =\nc = $a/${a}\nmyhostname = mail.example.com\nx = " + text + "\n",
            "main.cf");
    PostfixConfig c = new PostfixConfig(m, Optional.empty());
    assertThat(c.get("x").value()).isEqualTo(expected == null ? "" : expected);
  }

  /**
   * A chain of $name references is expanded {@link Limits#POSTFIX_EXPANSION_DEPTH} (30) levels
   * deep; a longer one stops there and is reported with the loops (issue 19: cap−1, cap, cap+1).
   */
  @ParameterizedTest(name = "{0} references over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void expansionDepthCap(int delta) {
    int refs = Limits.POSTFIX_EXPANSION_DEPTH + delta;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < refs; i++)
      text.append("p").append(i).append(" = $p").append(i + 1).append('\n');
    text.append("p").append(refs).append(" = end\n");
    PostfixConfig c = new PostfixConfig(MainCf.parse(text.toString(), "main.cf"), Optional.empty());
    if (delta <= 0) {
      assertThat(c.get("p0").value()).isEqualTo("end");
      assertThat(c.loops()).isEmpty();
    } else {
      assertThat(c.get("p0").value()).isEqualTo("$p" + refs);
      assertThat(c.loops())
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("p0 -> p1 -> "));
    }
  }

  /** An expanded value is cut at {@link Limits#POSTFIX_EXPANSION_LENGTH} characters (cap±1). */
  @ParameterizedTest(name = "{0} characters over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void expansionLengthCap(int delta) {
    int n = Limits.POSTFIX_EXPANSION_LENGTH + delta;
    String text = "a = " + "x".repeat(n / 2) + "\nb = ${a}" + "x".repeat(n - n / 2) + "\n";
    PostfixConfig c = new PostfixConfig(MainCf.parse(text, "main.cf"), Optional.empty());
    assertThat(c.get("b").value()).hasSize(Math.min(n, Limits.POSTFIX_EXPANSION_LENGTH));
  }

  /** {@link Limits#POSTFIX_MAIN_CF_PROBLEMS} problems are listed per file (cap±1). */
  @ParameterizedTest(name = "{0} problems over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void mainCfProblemsCap(int delta) {
    int n = Limits.POSTFIX_MAIN_CF_PROBLEMS + delta;
    MainCf m = MainCf.parse("no equals sign here\n".repeat(n), "main.cf");
    assertThat(m.problems()).hasSize(Math.min(n, Limits.POSTFIX_MAIN_CF_PROBLEMS));
    assertThat(m.problems().get(0)).isEqualTo("main.cf:1: not 'name = value': no equals sign here");
  }

  @Test
  void defaultsFollowTheCompatibilityLevel() {
    var old = new PostfixConfig(MainCf.parse("", "main.cf"), Optional.empty());
    assertThat(old.get("mynetworks_style").value()).isEqualTo("subnet");
    assertThat(old.get("mynetworks_style").origin()).isEqualTo("default");
    var now =
        new PostfixConfig(MainCf.parse("compatibility_level = 3.6\n", "main.cf"), Optional.empty());
    assertThat(now.get("mynetworks_style").value()).isEqualTo("host");
    assertThat(now.get("smtpd_relay_restrictions").value()).endsWith("defer_unauth_destination");
    assertThat(now.get("smtpd_sasl_tls_security_options").value()).isEqualTo("noanonymous");
  }

  @Test
  void postconfOutputKinds() {
    assertThat(
            ConfigLoader.looksLikeMaster(
                "smtp       inet  n       -       y       -       -       smtpd\n"))
        .isTrue();
    assertThat(ConfigLoader.looksLikeMaster("alias_maps = hash:/etc/aliases\nbiff = no\n"))
        .isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        ">=TLSv1.2|TLSv1.2 TLSv1.3",
        "!SSLv2, !SSLv3|TLSv1 TLSv1.1 TLSv1.2 TLSv1.3",
        "!SSLv2:!SSLv3:!TLSv1:!TLSv1.1|TLSv1.2 TLSv1.3",
        "TLSv1.3|TLSv1.3",
        "<=TLSv1.1|TLSv1 TLSv1.1",
        "SSLv3 TLSv1.2|SSLv3 TLSv1.2",
      })
  void protocolLists(String value, String enabled) {
    assertThat(List.copyOf(TlsRules.enabled(value))).containsExactly(enabled.split(" "));
  }
}
