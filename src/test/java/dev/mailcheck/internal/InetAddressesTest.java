package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InetAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "2001:db8:0:0:0:0:0:1, 2001:db8::1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "::, ::",
    "::1, ::1",
    "fe80:0:0:0:1:0:0:0, fe80::1:0:0:0",
    "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1"
  })
  void ipv6TextIsRfc5952(String in, String out) {
    assertThat(InetAddresses.format(InetAddresses.parse(in).orElseThrow())).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          192.0.2.1          | 1.2.0.192.in-addr.arpa
          ' 10.0.0.255 '     | 255.0.0.10.in-addr.arpa
          0.0.0.0            | 0.0.0.0.in-addr.arpa
          2001:db8::1        | 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa
          [2001:DB8::10]     | 0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa
          ::1                | 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa
          ::ffff:192.0.2.1   | 1.2.0.192.in-addr.arpa
          """)
  void reverseNames(String ip, String expected) {
    assertThat(InetAddresses.isLiteral(ip)).isTrue();
    assertThat(InetAddresses.reverseName(ip)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          300.1.1.1
          192.0.2
          1.2.3.4.5
          01.2.3.4
          example.com
          2001:db8::1%eth0
          2001:db8:::1
          12345::
          ''
          """)
  void rejectsWhatIsNotAnIpLiteral(String s) {
    assertThat(InetAddresses.isLiteral(s)).isFalse();
    assertThatThrownBy(() -> InetAddresses.reverseName(s))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("is not an IP address");
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.5,true",
    "::ffff:192.0.2.5,true",
    "2001:db8::1,true",
    "192.0.2,false",
    "300.1.1.1,false",
    "example.com,false",
    "1.2.3.4.5,false",
    "'',false"
  })
  void parsesClientAddresses(String text, boolean ok) {
    assertThat(InetAddresses.parse(text).isPresent()).isEqualTo(ok);
  }

  @org.junit.jupiter.api.Test
  void mappedAddressIsTakenAsIpv4() {
    assertThat(InetAddresses.parse("::FFFF:1.2.3.4").get())
        .isInstanceOf(java.net.Inet4Address.class);
  }

  @ParameterizedTest(name = "{0} in {1}/{2}: {3}")
  @CsvSource({
    "192.0.2.7, 192.0.2.0, 24, true",
    "192.0.3.7, 192.0.2.0, 24, false",
    "172.31.255.255, 172.16.0.0, 12, true",
    "172.32.0.0, 172.16.0.0, 12, false",
    "203.0.113.5, 0.0.0.0, 0, true",
    "2001:db8::1, 2001:db8::, 32, true",
    "2001:db9::1, 2001:db8::, 32, false",
    "192.0.2.7, 2001:db8::, 0, false"
  })
  void prefixContainment(String address, String prefix, int bits, boolean in) {
    byte[] a = InetAddresses.parse(address).orElseThrow().getAddress();
    byte[] p = InetAddresses.parse(prefix).orElseThrow().getAddress();
    assertThat(InetAddresses.inPrefix(a, p, bits)).isEqualTo(in);
  }

  /**
   * The dotted-quad reader against the regular expression it replaced (octets 0-255, no leading
   * zeros), on edge cases and 200 000 generated strings of digits and dots; IPv4 never reaches the
   * IPv6 path, so a rejected quad is empty.
   */
  @Test
  void dottedQuadsAsTheRegularExpressionReadsThem() {
    Pattern quad =
        Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    List<String> inputs =
        new ArrayList<>(
            List.of(
                "0.0.0.0",
                "255.255.255.255",
                "256.0.0.0",
                "1.2.3",
                "1.2.3.4.",
                ".1.2.3.4",
                "01.2.3.4",
                "1.2.3.04",
                "1.2.3.4 ",
                "[1.2.3.4]",
                "1234.1.1.1",
                "1.2.3.0000",
                "1..2.3"));
    Random random = new Random(791);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(16);
      for (int i = 0; i < len; i++) sb.append("0125.9".charAt(random.nextInt(6)));
      inputs.add(sb.toString());
    }
    for (String in : inputs) {
      String bare = in.strip();
      if (bare.startsWith("[") && bare.endsWith("]")) bare = bare.substring(1, bare.length() - 1);
      boolean expected = quad.matcher(bare).matches();
      assertThat(InetAddresses.parse(in).isPresent()).as("'%s'", in).isEqualTo(expected);
      if (expected) {
        assertThat(InetAddresses.parse(in).orElseThrow().getHostAddress()).isEqualTo(bare);
      }
    }
  }
}
