package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses no host sends from are refused before any lookup: one line, exit 2. */
class PtrArgumentTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0.0.0.0, the unspecified address",
    "::, the unspecified address",
    "[::], the unspecified address",
    "::ffff:0.0.0.0, the unspecified address",
    "224.0.0.1, a multicast address",
    "239.255.255.250, a multicast address",
    "ff02::1, a multicast address",
    "255.255.255.255, the broadcast address",
  })
  void notAHostAddressIsExit2(String ip, String what) {
    CliRun r = CliRun.of("--resolver", "127.0.0.1:9", "--timeout", "200ms", "ptr", ip);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo(
            "mailcheck: '"
                + ip
                + "' is "
                + what
                + ", not the address of a host; give the address a mail server sends from");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"127.0.0.1", "192.0.2.1", "255.255.255.254", "::1", "2001:db8::1"})
  void hostAddressesAreLookedUp(String ip) throws Exception {
    var address = dev.mailcheck.internal.InetAddresses.parse(ip).orElseThrow();
    assertThat(Hosts.notAHostAddress(address)).isEmpty();
  }
}
