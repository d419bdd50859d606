package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.CliRun;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that takes a DOMAIN refuses an IP literal the same way: one line, exit 2, no DNS.
 */
class DomainArgumentTest {
  static Stream<Arguments> commandsAndLiterals() {
    return Stream.of("domain", "mx", "dmarc", "spf", "dkim")
        .flatMap(
            cmd ->
                Stream.of("127.0.0.1", "192.0.2.1", "::1", "[2001:db8::1]")
                    .map(ip -> Arguments.of(cmd, ip)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("commandsAndLiterals")
  void ipLiteralIsExit2WithOneLine(String command, String literal) {
    // A resolver that never answers: a command that got past validation would end in error/exit 3.
    CliRun r = CliRun.of("--resolver", "127.0.0.1:9", "--timeout", "200ms", command, literal);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    String err = r.err().strip();
    assertThat(err)
        .startsWith("mailcheck: '" + literal + "' is an IP address, not a domain name")
        .doesNotContain("\n");
    if (command.equals("domain") || command.equals("mx") || command.equals("dmarc")) {
      assertThat(err).isEqualTo("mailcheck: '" + literal + "' is an IP address, not a domain name");
    }
  }
}
