package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsRecordTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          192.0.2.1                    | 192.0.2.1
          2001:db8:0:0:0:0:0:1         | 2001:db8::1
          2001:DB8::10                 | 2001:db8::10
          0:0:0:0:0:0:0:0              | ::
          ::1                          | ::1
          1:0:0:0:0:0:0:0              | 1::
          2001:db8:0:1:1:1:1:1         | 2001:db8:0:1:1:1:1:1
          2001:0:0:1:0:0:0:1           | 2001:0:0:1::1
          2001:db8:0:0:1:0:0:1         | 2001:db8::1:0:0:1
          fe80:0:0:0:0200:5efe:c000:0201 | fe80::200:5efe:c000:201
          """)
  void addressDataIsTheRfc5952Form(String literal, String expected) throws Exception {
    var r = new DnsRecord.Address("h.example.test", 300, InetAddress.getByName(literal));
    assertThat(r.data()).isEqualTo(expected);
  }
}
