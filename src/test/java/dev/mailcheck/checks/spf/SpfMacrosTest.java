package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 7208 §7.4. */
class SpfMacrosTest {
  static SpfMacros.Values v4() throws Exception {
    return new SpfMacros.Values(
        InetAddress.getByName("192.0.2.3"),
        "strong-bad@email.example.com",
        "email.example.com",
        "mx.example.org",
        "mx.example.org",
        1700000000L,
        () -> "mx.example.org");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%{S}|strong-bad%40email.example.com",
        "a%%b%_c%-d|a%b c%20d",
      })
  void expandsTheRfcExamples(String macro, String expected) throws Exception {
    assertThat(SpfMacros.check(macro, false)).isEmpty();
    assertThat(SpfMacros.expand(macro, v4(), false)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void ipv6IsDottedNibbles() throws Exception {
    var v =
        new SpfMacros.Values(
            InetAddress.getByName("2001:db8::cb01"),
            "a@b.example",
            "b.example",
            "h",
            "r",
            0,
            () -> "unknown");
    assertThat(SpfMacros.expand("%{ir}.%{v}._spf.%{d2}", v, false))
        .isEqualTo(
            "1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.b.example");
    assertThat(SpfMacros.expand("%{c}", v, true)).isEqualTo("2001:db8::cb01");
  }

  @org.junit.jupiter.api.Test
  void explanationOnlyLettersAreAcceptedInExplanations() throws Exception {
    assertThat(SpfMacros.check("%{c} %{r} %{t}", true)).isEmpty();
    assertThat(SpfMacros.check("%{c}", false)).isPresent();
    assertThat(SpfMacros.expand("%{c} via %{r} at %{t}", v4(), true))
        .isEqualTo("192.0.2.3 via mx.example.org at 1700000000");
  }
}
