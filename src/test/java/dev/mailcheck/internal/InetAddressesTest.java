package dev.mailcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
